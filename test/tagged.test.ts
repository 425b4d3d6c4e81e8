import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { allActors } from '../src/content/model.js';
import { localize } from '../src/i18n/translator.js';
import { cardViews } from '../src/documents/cards/views.js';
import { defaultStyle } from '../src/render/font-set.js';
import { engine } from '../src/render/pdfmake.js';
import { buildInto } from './helpers/build.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { buildDoneWhenMeeting } from './helpers/meeting.js';
import { tempDir } from './helpers/files.js';
import { htmlText } from './helpers/html.js';
import { normalize } from './helpers/pdf.js';
import { defects, elements, matterhorn, structure, type Element } from './helpers/structure.js';

// Every PDF is tagged (PDF/UA-1). test/helpers/pdfua_check.py reads each file the way an
// accessibility checker does and names the Matterhorn points it fails; pdf.js shows the
// structure a browser's reader sees.

const pdfsIn = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).map((f) => join(dir, f));

function expectConforming(files: string[]): void {
  expect(files.length).toBeGreaterThan(0);
  const failed = [...matterhorn(files)].filter(([, failures]) => failures.length > 0);
  expect(Object.fromEntries(failed), 'Matterhorn points failed').toEqual({});
}

const roles = (trees: Element[], role: string) => elements(trees).filter((e) => e.role === role);
const words = (text: string) => normalize(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !/^\p{N}+$/u.test(w));

/** The length of the longest sequence of words both lists hold in the same order. */
function commonSubsequence(a: string[], b: string[]): number {
  let previous = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (const word of a) {
    for (let j = 1; j <= b.length; j++) row[j] = word === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

describe('tagged PDFs', () => {
  let out: string;
  beforeAll(async () => ({ out } = await buildInto({ lang: 'da,en,qps' })), 400_000);

  it('pass the machine-checkable Matterhorn points: every PDF of a da, en and qps build', () => {
    expectConforming(pdfsIn(out));
  });

  it('pass them for the print shop’s single-card file and a Letter, A7, short-edge deck', async () => {
    const single = await buildInto({ only: 'cards', imposition: 'single', 'crop-marks': true });
    const letter = await buildInto({ only: 'cards', paper: 'letter', 'card-size': 'a7', duplex: 'short' });
    expectConforming([...pdfsIn(single.out), ...pdfsIn(letter.out)]);
  }, 200_000);

  it('the guide: one H1, an H2 for each exercise and chapter, H3 below, never skipping; its tables with column headers', async () => {
    const trees = await structure(readFileSync(join(out, 'da/facilitatorguide.pdf')));
    const all = elements(trees);
    const headings = all.filter((e) => /^H\d$/.test(e.role));
    // pdf.js reads the tree page by page: an element that runs onto a second page shows on both.
    expect(new Set(roles(trees, 'H1').map((h) => h.text)).size).toBe(1);
    const kit = localize(loadKit(CONTENT), CONTENT, 'da').kit;
    const h2 = roles(trees, 'H2').map((h) => h.text);
    for (const exercise of kit.exercises) expect(h2.some((t) => t.includes(exercise.title)), exercise.title).toBe(true);
    const levels = headings.map((h) => Number(h.role[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level, `${headings[i]!.text} after H${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1));
    const tables = roles(trees, 'Table');
    expect(tables.length).toBeGreaterThanOrEqual(kit.exercises.length * 2);
    for (const table of tables) expect(elements([table]).some((e) => e.role === 'TH'), table.text.slice(0, 60)).toBe(true);
    // Its links (the table of contents) are Link elements, each with its text.
    expect(roles(trees, 'Link').length).toBeGreaterThan(0);
    for (const link of roles(trees, 'Link')) expect(link.text).not.toBe('');
  });

  it('read in the order of the HTML edition: the structure’s words, in order, are its words', async () => {
    for (const file of ['facilitatorguide', 'misforstaaelser', '360-graders-blik']) {
      const html = words(htmlText(readFileSync(join(out, `da/${file}.html`), 'utf8')));
      const trees = await structure(readFileSync(join(out, `da/${file}.pdf`)));
      // Words only on paper (running heads, print notes, page references) are left out.
      const known = new Set(html);
      const pdf = trees.flatMap((t) => words(t.text)).filter((w) => known.has(w));
      const inOrder = commonSubsequence(pdf, html);
      expect(inOrder / pdf.length, `${file}: share of its words read in the HTML edition's order`).toBeGreaterThan(0.95);
    }
  });

  it('the actor sheet’s wheel is one figure whose alternative names all seven actors; each card an article read as category, kind, number, text, source', async () => {
    const loc = localize(loadKit(CONTENT), CONTENT, 'da');
    const actors = await structure(readFileSync(join(out, 'da/360-graders-blik.pdf')));
    const [wheel, ...others] = roles(actors, 'Figure');
    expect(others).toEqual([]);
    const names = allActors(loc.kit).map((a) => a.name);
    expect(names.length).toBe(7);
    for (const name of names) expect(wheel!.alt).toContain(name);
    const deck = await structure(readFileSync(join(out, 'da/spoergsmaalskort.pdf')));
    const cards = roles(deck, 'Art');
    const views = cardViews(loc);
    // Fronts and backs: one article each.
    expect(cards.length).toBe(2 * views.length);
    for (const view of views) {
      const front = cards.find((c) => normalize(c.text).includes(normalize(view.text)))!;
      // Read as the issue asks, whatever the drawing order (the number is drawn at the card's foot).
      const at = (part: string) => normalize(front.text).indexOf(normalize(part));
      const parts = [view.categoryLabel, view.kindLabel, view.number, view.text, view.attribution];
      expect(parts.map(at), `${view.id}: ${front.text}`).toEqual([...parts.map(at)].sort((a, b) => a - b));
      expect(Math.min(...parts.map(at)), view.id).toBeGreaterThanOrEqual(0);
    }
  });

  it('mark a Danish passage in an English document as Danish', async () => {
    const content = contentCopy();
    edit(content, 'locales/en/content.json', /"truth": "The core task only sounds abstract[^"]*",\s*/, '');
    const built = await buildInto({ content, lang: 'en', only: 'handout' });
    const trees = await structure(built.read('en', 'misforstaaelser.pdf'));
    const danish = elements(trees).filter((e) => e.lang === 'da');
    const truth = localize(loadKit(CONTENT), CONTENT, 'da').kit.misunderstandings.items.find((m) => m.id === 'abstrakt')!.truth;
    expect(danish.map((e) => e.text)).toContain(normalize(truth));
    expectConforming([join(built.out, 'en/misforstaaelser.pdf')]);
  }, 120_000);
});

describe('tagged PDFs of a planned meeting', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildDoneWhenMeeting('guide,pack,poster', ['--tile', 'a4']);
  }, 200_000);

  it('pass the Matterhorn points: the guide with its run sheet and group tables, the card pack, the paper pack, the tiled poster', () => {
    expectConforming(['facilitatorguide.pdf', 'pakke-karton.pdf', 'pakke-papir.pdf', 'plakat-360.pdf'].map((f) => join(out, 'da', f)));
  });

  it('the paper pack: the run sheet its first heading, each group’s sheet read, the handout read once; blank backs and the other copies are not read', async () => {
    const trees = await structure(readFileSync(join(out, 'da/pakke-papir.pdf')));
    const loc = localize(loadKit(CONTENT), CONTENT, 'da');
    const titles = roles(trees, 'H1').map((h) => h.text);
    expect(titles[0]).toBe(loc.t('guide.runSheet.title'));
    // Exercise 1: a sheet for each of 4 groups and the shared one; exercise 3: a sheet for each group.
    expect(titles.slice(1, 10)).toHaveLength(9);
    expect(titles.filter((t) => t === loc.t('handout.title'))).toHaveLength(1);
    expect(titles).toHaveLength(11);
    expect(elements(trees).some((e) => e.text.includes(loc.t('pack.paper.blank')))).toBe(false);
  });

  it('the run sheet: a chapter heading over a table whose first row is column headers; headings never skip a level', async () => {
    const trees = await structure(readFileSync(join(out, 'da/facilitatorguide.pdf')));
    const loc = localize(loadKit(CONTENT), CONTENT, 'da');
    expect(roles(trees, 'H2').map((h) => h.text)).toContain(loc.t('guide.runSheet.title'));
    const header = ['time', 'step', 'who', 'ready'].map((k) => loc.t(`guide.runSheet.${k}`));
    const sheet = roles(trees, 'Table').find((t) => t.children[0]?.children.map((c) => c.text).join('|') === header.join('|'));
    expect(sheet?.children[0]!.children.map((c) => c.role)).toEqual(['TH', 'TH', 'TH', 'TH']);
    const groups = roles(trees, 'Table').filter((t) => t.children[0]?.children[0]?.text === loc.t('guide.groups.group'));
    expect(groups.length).toBe(2);
    for (const table of groups) expect(table.children[0]!.children.every((c) => c.role === 'TH')).toBe(true);
    const levels = elements(trees).filter((e) => /^H\d$/.test(e.role)).map((h) => Number(h.role[1]));
    levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
  });

  it('the pack: each card an article holding its group', async () => {
    const cards = roles(await structure(readFileSync(join(out, 'da/pakke-karton.pdf'))), 'Art');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.text).toMatch(/Gruppe \d/);
  });

  it('the tiled poster is read once, from the first sheet; the other sheets and the assembly drawing are not read', async () => {
    const trees = await structure(readFileSync(join(out, 'da/plakat-360.pdf')));
    expect(roles(trees, 'H1').length).toBe(1);
    const [assembly, first, ...rest] = trees;
    expect(words(assembly!.text).length).toBeGreaterThan(0);
    // The drawing's sheet numbers would follow the steps.
    expect(assembly!.text).not.toMatch(/ 1 2$/);
    expect(words(first!.text).length).toBeGreaterThan(100);
    for (const sheet of rest) expect(sheet.text).toBe('');
  });
});

describe('the PDF/UA checker', () => {
  it('fails an untagged PDF', async () => {
    const file = join(tempDir('untagged'), 'untagged.pdf');
    writeFileSync(file, await engine().createPdf({ content: ['Ikke mærket'], defaultStyle: defaultStyle(), language: 'da', info: { title: 'Untagged' } } as never).getBuffer());
    const failures = matterhorn([file]).get(file)!;
    expect(failures.join('\n')).toMatch(/no pdfuaid|MarkInfo|no StructTreeRoot/);
  });

  it('fails each kind of defect, naming its Matterhorn point', async () => {
    const { out } = await buildInto({ only: 'guide,actors' });
    const dir = tempDir('defects');
    const spoiled = new Map([...defects(join(out, 'da/facilitatorguide.pdf'), dir)]);
    spoiled.set('figure-alt', defects(join(out, 'da/360-graders-blik.pdf'), tempDir('defects')).get('figure-alt')!);
    const expected: Record<string, RegExp> = {
      untagged: /^01-001 .*neither tagged nor artifact/,
      'mcid-missing': /^01-001 .*missing from the ParentTree/,
      'mcid-extra': /^01-001 .*MCIDs the page does not have/,
      'figure-alt': /^13-004 /,
      'table-th': /^15-003 /,
      'heading-skip': /^14-003 /,
      'toc-entry': /^09-006 /,
      'table-colspan': /^09-004 /,
      'link-objr': /^28-011 link: a Link element without an OBJR/,
      'link-contents': /^28-011 link: a link annotation without \/Contents/,
      lang: /^11-006 /,
      title: /^06-003 /,
      identifier: /^06-002 /,
      'font-embedded': /^31-001 /,
      'font-unicode': /^31-027 /,
    };
    expect([...spoiled.keys()].sort()).toEqual(Object.keys(expected).sort());
    const results = matterhorn([...spoiled.values()]);
    for (const [kind, file] of spoiled) expect(results.get(file)!.some((f) => expected[kind]!.test(f)), `${kind}: ${results.get(file)!.join('; ')}`).toBe(true);
  }, 200_000);
});
