import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { loadKit } from '../src/content/load.js';
import type { Exercise } from '../src/content/model.js';
import { localize } from '../src/i18n/translator.js';
import { guideView } from '../src/documents/guide/views.js';
import { buildInto, builtPdf } from './helpers/build.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { normalize, readPdf, type PdfFile, type PdfPage } from './helpers/pdf.js';
import { tempDir } from './helpers/files.js';

const FILE = 'facilitatorguide.pdf';
const kit = loadKit(CONTENT);
const loc = localize(kit, CONTENT, 'da');

const guide = (args: Parameters<typeof buildInto>[0] = {}) => builtPdf('guide', FILE, args);

const allText = (pdf: PdfFile) => normalize(pdf.pages.map((p) => p.text).join(' '));

/** The page (0-based) whose large heading starts with `title`. */
function headingPage(pdf: PdfFile, title: string): number {
  return pdf.pages.findIndex((p) => p.texts.some((t) => t.fontSize >= 18 && t.str.trim().length > 3 && title.startsWith(t.str.trim())));
}

/** The text of an exercise's chapter: from its heading to the next chapter's heading. */
function chapter(pdf: PdfFile, e: Exercise): string {
  const next = kit.exercises.find((x) => x.number === e.number + 1)?.title ?? loc.t('guide.chapter.checklist');
  const pages: PdfPage[] = pdf.pages.slice(headingPage(pdf, e.title), headingPage(pdf, next));
  return normalize(pages.map((p) => p.text).join(' '));
}

const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('the facilitator guide with the suggested defaults', () => {
  let pdf: PdfFile;
  let bytes: Buffer;
  beforeAll(async () => ({ pdf, bytes } = await guide()));

  it('holds the definition, every exercise and every step in Fremfærd’s words', () => {
    const text = allText(pdf);
    expect(text).toContain(normalize(kit.meta.definition));
    for (const e of kit.exercises) {
      expect(text, e.id).toContain(normalize(e.title));
      expect(text, e.id).toContain(normalize(e.lead));
      for (const s of e.steps.filter((s) => s.origin === 'seed')) expect(text, s.id).toContain(normalize(loc.t('guide.quote', { text: s.text })));
    }
  });

  it('holds the three misunderstandings and how a leader uses the 360° checklist', () => {
    const text = allText(pdf);
    for (const m of kit.misunderstandings.items) {
      expect(text, m.id).toContain(normalize(m.claim));
      expect(text, m.id).toContain(normalize(m.truth));
    }
    for (const p of kit.meta.guide.checklistUse) expect(text, p.id).toContain(normalize(p.text));
  });

  it('has a table of contents whose page numbers lead to the chapters', () => {
    // After the cover and the run sheet.
    const toc = pdf.pages[2]!;
    expect(toc.text).toContain('Indhold');
    const chapters = [
      loc.t('guide.chapter.about'),
      loc.t('guide.chapter.choosing'),
      ...kit.exercises.map((e) => e.title),
      loc.t('guide.chapter.checklist'),
      loc.t('guide.chapter.misunderstandings'),
    ];
    for (const title of chapters) {
      const m = new RegExp(`${normalize(title).replace(/[?.*+()]/g, '\\$&')} (\\d+)`).exec(toc.text);
      expect(m, title).not.toBeNull();
      expect(headingPage(pdf, title) + 1, title).toBe(Number(m![1]));
    }
  });

  it('gives each exercise its own chapter with the suggested quantities and durations', () => {
    for (const e of kit.exercises) {
      const text = chapter(pdf, e);
      const pers = new Set(e.steps.flatMap((s) => s.materials.map((m) => m.per)));
      if (pers.has('group')) expect(text, e.id).toContain('1 pr. gruppe');
      if (pers.has('participant')) expect(text, e.id).toContain('1 pr. deltager');
      for (const s of e.steps) expect(text, s.id).toContain(`${s.minutes} min`);
      expect(text, e.id).not.toMatch(/\d\d:\d\d–\d\d:\d\d/);
    }
  });

  it('numbers its pages "Side x af y" under a running header, and names the source', () => {
    const n = pdf.pages.length;
    expect(pdf.pages[0]!.text).toContain(`Side 1 af ${n}`);
    expect(pdf.pages[n - 1]!.text).toContain(`Side ${n} af ${n}`);
    const head = (p: PdfPage) => p.texts.some((t) => t.str === 'Facilitatorguide' && t.y < 50);
    expect(head(pdf.pages[0]!)).toBe(false);
    for (const p of pdf.pages.slice(1)) expect(head(p)).toBe(true);
    for (const p of pdf.pages) expect(p.text).toContain(kit.meta.source.short);
  });

  it('is A4, says it is Danish, has a title and embeds its fonts', () => {
    for (const p of pdf.pages) expect([p.width, p.height].map(Math.round)).toEqual([595, 842]);
    expect(pdf.language).toBe('da');
    expect(pdf.info.Title).toBe(`Facilitatorguide – ${kit.meta.title}`);
    expect(pdf.fontsEmbedded).toBe(true);
  });

  it('comes out byte for byte the same from the same input', async () => {
    const again = await guide();
    expect(again.bytes.equals(bytes)).toBe(true);
  });
});

describe('the facilitator guide tailored with --start 13:00 --participants 24 --groups 4', () => {
  const start = 13 * 60;
  const participants = 24;
  const groups = 4;
  let pdf: PdfFile;
  beforeAll(async () => ({ pdf } = await guide({ start: '13:00', participants: String(participants), groups: String(groups) })));

  it('turns the durations into clock times, each exercise starting when the one before ends: the last step ends at its start plus the total', () => {
    let from = start;
    for (const e of kit.exercises) {
      const text = chapter(pdf, e);
      const total = e.steps.reduce((n, s) => n + s.minutes, 0);
      const last = e.steps.at(-1)!;
      const slot = `${clock(from + total - last.minutes)}–${clock(from + total)}`;
      const at = text.indexOf(slot);
      expect(at, e.id).toBeGreaterThan(-1);
      expect(text.slice(at, at + 400), e.id).toContain(normalize(last.text));
      expect(text, e.id).toContain(`${clock(from)}–${clock(from + total)}`);
      from += total;
    }
  });

  it('sends the worksheets, decks and handouts to the print pack for 24 people in 4 groups, and names its two files with their sheets', () => {
    const e = kit.exercises.find((x) => x.number === 1)!;
    const text = chapter(pdf, e);
    const materials = e.steps.flatMap((s) => s.materials);
    for (const document of ['worksheets', 'cards', 'handout'] as const) {
      expect(materials.some((m) => 'document' in m && m.document === document), document).toBe(true);
      expect(text).toContain(`${loc.t(`guide.document.${document}`)} I printpakken`);
    }
    expect(text).not.toMatch(/\d+ sæt/);
    // test/pack-paper.test.ts holds these numbers to the files' own pages.
    expect(text).toMatch(/Printpakken på papir: pakke-?papir\.pdf \d+ ark \(\d+ sider\)/);
    expect(text).toMatch(/Printpakken på karton: pakke-?karton\.pdf \d+ ark \(\d+ sider\)/);
    expect(text).toContain('24 deltagere i 4 grupper à 6');
  });

  it('says on the cover what it was tailored to', () => {
    expect(pdf.pages[0]!.text).toContain('Tilpasset jeres møde: 24 deltagere i 4 grupper à 6, start kl. 13:00.');
  });
});

describe('the facilitator guide on US Letter', () => {
  it('has Letter pages with the cover still on one page', async () => {
    const { pdf } = await guide({ paper: 'letter' });
    for (const p of pdf.pages) expect([p.width, p.height].map(Math.round)).toEqual([612, 792]);
    expect(pdf.pages[1]!.text).toContain(loc.t('guide.runSheet.title'));
    expect(pdf.pages[2]!.text).toContain('Indhold');
  });
});

describe('bad tailoring values on the command line', () => {
  async function run(...args: string[]): Promise<{ code: number; err: string }> {
    const out = tempDir('out');
    let err = '';
    const io: Io = { out: () => {}, err: (t) => (err += t + '\n') };
    const code = await main(['build', '--content', CONTENT, '--out', out, '--only', 'guide', ...args], io);
    return { code, err };
  }

  it('--groups 0 fails with a message naming the option', async () => {
    const { code, err } = await run('--groups', '0');
    expect(code).toBe(2);
    expect(err).toContain('--groups 0');
  });

  it('--start 25:99 fails with a message naming the option', async () => {
    const { code, err } = await run('--start', '25:99');
    expect(code).toBe(2);
    expect(err).toContain('--start 25:99 is not a time of day');
  });

  it('--groups 30 --participants 20 fails: more groups than people', async () => {
    const { code, err } = await run('--groups', '30', '--participants', '20');
    expect(code).toBe(2);
    expect(err).toContain('--groups 30 is more than --participants 20');
  });
});

describe('page breaks in the guide', () => {
  // The pseudo-locale's longer text used to leave one row of "Vælg en øvelse" on a page of
  // its own, and a materials heading with one row.
  it.each(['da', 'qps'])('never strand a table row or a heading (%s)', async (language) => {
    const { pdf } = await builtPdf('guide', FILE, { lang: language }, language);
    const local = localize(kit, CONTENT, language);
    const view = guideView(local, {});
    const pageOf = (text: string) => pdf.pages.findIndex((p) => normalize(p.text).includes(normalize(text)));
    // Every exercise's row of the choosing table stands on the page of the table's heading.
    const choosing = pageOf(view.choosing);
    expect(choosing).toBeGreaterThan(0);
    for (const e of view.exercises) expect(normalize(pdf.pages[choosing]!.text), e.kicker).toContain(normalize(e.choose));
    // Each materials table sits on one page with its heading.
    for (const e of view.exercises) {
      const first = pdf.pages.findIndex((p, i) => i > headingPage(pdf, e.title) - 1 && normalize(p.text).includes(normalize(e.plan.materials[0]!.name)));
      const page = normalize(pdf.pages[first]!.text);
      expect(page, e.kicker).toContain(normalize(local.t('guide.exercise.materials')));
      for (const m of e.plan.materials) expect(page, `${e.kicker} ${m.name}`).toContain(normalize(m.name));
    }
  }, 120_000);

  // An organisation's own kit can plan more steps than a page holds. Each case left the
  // plan's last row ("I alt") alone on a page under the repeated header.
  it.each([
    ['da', 'a4', 8],
    ['en', 'letter', 5],
    ['qps', 'a4', 3],
  ])('keep a plan longer than a page whole row by row, at least two rows a page, each under the header (%s, %s)', async (language, paper, extra) => {
    const dir = longerPlans(Number(extra));
    const { pdf } = await builtPdf('guide', FILE, { content: dir, lang: language, paper }, language);
    const local = localize(loadKit(dir), dir, language);
    const texts = pdf.pages.map((p) => normalize(p.text));
    const header = normalize(['time', 'step', 'grouping', 'materials'].map((k) => local.t(`guide.plan.${k}`)).join(' '));
    let continued = 0;
    for (const e of guideView(local, {}).exercises) {
      const chapter = texts.findIndex((t) => t.includes(normalize(e.purpose)));
      const plan = texts.findIndex((t, i) => i >= chapter && t.includes(header));
      const steps = e.plan.rows.map((r) => normalize(r.seed ? local.t('guide.quote', { text: r.text }) : r.text));
      // A row split over two pages is found whole on neither.
      const pages = steps.map((step) => texts.findIndex((t, i) => i >= plan && t.includes(step)));
      pages.push(texts.findIndex((t, i) => i >= Math.max(...pages) && t.includes(normalize(e.plan.total.label))));
      expect(pages, e.kicker).not.toContain(-1);
      const last = Math.max(...pages);
      expect(texts[plan], e.kicker).toContain(normalize(local.t('guide.exercise.plan')));
      if (last === plan) continue;
      continued++;
      for (let page = plan; page <= last; page++) {
        expect(texts[page], `${e.kicker}, page ${page + 1}`).toContain(header);
        expect(pages.filter((p) => p === page).length, `${e.kicker}: rows on page ${page + 1}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(continued).toBeGreaterThan(0);
  }, 120_000);
});

/** A copy of the content where exercise k plans `extra + k - 1` more steps, of varied length. */
function longerPlans(extra: number): string {
  const texts = [
    'Lederen fortæller kort, hvad kerneopgaven er.',
    'Grupperne diskuterer perspektivet og skriver de vigtigste pointer på arket, så de kan fremlægge dem for de andre bagefter.',
    'Saml grupperne, og prøv at finde frem til en forståelse af kerneopgaven, hvor alle tre perspektiver er dækket godt ind. Tag jer god tid, og lyt til hinanden, også når I er uenige om, hvad der er vigtigst i jeres arbejde.',
    'Pause.',
  ];
  const dir = contentCopy();
  for (const file of readdirSync(join(dir, 'exercises'))) {
    const k = Number(file.split('-')[0]);
    let steps = '';
    for (let i = 0; i < extra + k - 1; i++) {
      const text = JSON.stringify(`(${i + 1}) ${texts[(i + k) % texts.length]}`);
      steps += `  - id: ekstra-${k}-${i}\n    origin: kit\n    text: ${text}\n    minutes: ${5 + (i % 3) * 5}\n    grouping: Alle sammen\n    materials:\n      - { supply: flipover, per: meeting }\n`;
    }
    edit(dir, `exercises/${file}`, /\npreparation:/, `\n${steps}preparation:`);
  }
  return dir;
}
