import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../src/commands/build-options.js';
import { loadKit } from '../src/content/load.js';
import type { Worksheet } from '../src/content/model.js';
import type { BuildOptions } from '../src/documents/family.js';
import { pdfMeta } from '../src/documents/meta.js';
import { onePage } from '../src/documents/one-page.js';
import { flowPages } from '../src/documents/page.js';
import { buildDate } from '../src/driver/build.js';
import { localize } from '../src/i18n/translator.js';
import { renderPdf } from '../src/render/render.js';
import { runKernekit } from './helpers/cli.js';
import { buildDoneWhenMeeting } from './helpers/meeting.js';
import { CONTENT } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { htmlText } from './helpers/html.js';
import { readPdf, type PdfFile } from './helpers/pdf.js';

// The print pack's paper file, read back as a person at the printer meets it: the run sheet,
// each group's worksheets, the shared sheet, the handouts; printed on both sides, every
// group's and every person's share starts on a front side (an odd page).

const FILE = 'pakke-papir.pdf';
const BLANK = 'Denne side er tom med vilje: det næste begynder på en forside.';
const kit = loadKit(CONTENT);
const exercise = (n: number) => kit.exercises.find((e) => e.number === n)!;
const handoutTitle = 'Tre typiske misforståelser om kerneopgaven';

/** What each printed share should be, read from the content: its first page's marks, and its pages. */
interface Share {
  what: string;
  group: string | null;
  sheets: Worksheet[];
  pages: number;
}

/** Exercise 1: each of 4 groups the sheet of its perspective (group 4 the first again), then the shared sheet; exercise 3: its one sheet per group. */
function expectedShares(participants: number): Share[] {
  const one = exercise(1);
  const three = exercise(3);
  const perspectives = one.perspectives!;
  const shares: Share[] = [{ what: 'Drejebog for mødet', group: null, sheets: [], pages: 1 }];
  for (let g = 1; g <= 4; g++) {
    const focus = perspectives[(g - 1) % perspectives.length]!.id;
    shares.push({ what: 'exercise 1', group: `Gruppe ${g}`, sheets: one.worksheets.filter((w) => w.focus === focus), pages: 1 });
  }
  shares.push({ what: 'exercise 1 shared', group: 'Fælles ark', sheets: one.worksheets.filter((w) => w.per === 'meeting'), pages: 1 });
  for (let g = 1; g <= 4; g++) shares.push({ what: 'exercise 3', group: `Gruppe ${g}`, sheets: three.worksheets.filter((w) => w.per === 'group'), pages: 1 });
  for (let p = 1; p <= participants; p++) shares.push({ what: handoutTitle, group: null, sheets: [], pages: 1 });
  return shares;
}

describe('the paper pack of a meeting with exercises 1 and 3 for 23 people in 4 groups', () => {
  let out: string;
  let pdf: PdfFile;
  let cardPages: number;
  let guide: string;
  beforeAll(async () => {
    out = await buildDoneWhenMeeting('pack,guide');
    pdf = await readPdf(join(out, 'da', FILE));
    cardPages = (await readPdf(join(out, 'da', 'pakke-karton.pdf'))).pages.length;
    guide = (await readPdf(join(out, 'da', 'facilitatorguide.pdf'))).pages.map((p) => p.text).join('\n');
  }, 260_000);

  it('holds the run sheet, then each group’s worksheets naming the group and its perspective, then 23 handouts, each share from an odd page', () => {
    const shares = expectedShares(23);
    expect(shares.every((s) => s.what.startsWith('exercise') ? s.sheets.length === 1 : true)).toBe(true);
    let page = 0;
    for (const [i, share] of shares.entries()) {
      // 1-based page numbers: a share starts on a front side when its page is odd.
      expect(page % 2, `${share.what} ${share.group ?? ''} starts on page ${page + 1}`).toBe(0);
      const text = pdf.pages[page]!.text;
      if (share.sheets.length > 0) {
        expect(text).toContain(share.group!);
        expect(text).toContain(share.sheets[0]!.title);
        const focus = share.sheets[0]!.focus;
        if (focus) expect(text).toContain(exercise(1).perspectives!.find((p) => p.id === focus)!.text);
      } else {
        expect(text).toContain(share.what);
      }
      page += share.pages;
      // A blank back after every share of one page, but the last.
      if (i < shares.length - 1) {
        expect(pdf.pages[page]!.text, `page ${page + 1}`).toBe(BLANK);
        page++;
      }
    }
    expect(pdf.pages).toHaveLength(page);
    expect(pdf.pages[0]!.text).toContain('10:10–11:05');
  });

  it('prints the handout 23 times and the run sheet once', () => {
    expect(pdf.pages.filter((p) => p.text.includes(handoutTitle))).toHaveLength(23);
    expect(pdf.pages.filter((p) => p.text.includes('Drejebog for mødet'))).toHaveLength(1);
  });

  it('the guide’s materials lists count the pack’s own sheets of paper and card stock, not sets of the deck', () => {
    const paperSheets = Math.ceil(pdf.pages.length / 2);
    // The reader joins a word broken at a line's end, so the file names may lose their hyphen.
    expect(guide).toMatch(new RegExp(`Printpakken på papir: pakke-?papir\\.pdf ${paperSheets} ark \\(${pdf.pages.length} sider\\)`));
    expect(guide).toMatch(new RegExp(`Printpakken på karton: pakke-?karton\\.pdf ${cardPages / 2} ark \\(${cardPages} sider\\)`));
    expect(guide).toMatch(/Spørgekort I printpakken/);
    expect(guide).not.toMatch(/Spørgekort \d+ sæt/);
  });

  it('has a web edition of the same views, and a line of its own on the index page', () => {
    const html = htmlText(readFileSync(join(out, 'da', 'pakke-papir.html'), 'utf8'));
    expect(html).toContain('Drejebog for mødet');
    expect(html).toContain('Gruppe 4');
    expect(html).toContain('Uddelingsarket er med 23 gange: ét til hver deltager.');
    const index = htmlText(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(index).toContain('Hent som PDF: Papir til mødet');
    expect(index).toContain('Alt på papir til mødet i én fil');
  });
});

describe('the paper pack without --participants, printed on one side', () => {
  it('holds one handout per group and no blank pages', async () => {
    const out = tempDir('pack-paper-one-side');
    const run = await runKernekit(['build', '--exercises', '3', '--groups', '3', '--duplex', 'none', '--lang', 'da', '--only', 'pack', '--out', out], { limitMs: 180_000 });
    expect(run.code, run.err).toBe(0);
    const pdf = await readPdf(join(out, 'da', FILE));
    // The run sheet, exercise 3's sheet for each of 3 groups, a handout for each group.
    expect(pdf.pages).toHaveLength(1 + 3 + 3);
    expect(pdf.pages.filter((p) => p.text === BLANK)).toEqual([]);
    expect(pdf.pages.filter((p) => p.text.includes(handoutTitle))).toHaveLength(3);
    expect([1, 2, 3].map((g) => pdf.pages[g]!.text.includes(`Gruppe ${g}`))).toEqual([true, true, true]);
  }, 200_000);

  it('stops on an exercise the kit does not have, naming the option, with nothing half written', async () => {
    const out = tempDir('pack-paper-bad');
    const run = await runKernekit(['build', '--exercises', '9', '--groups', '3', '--lang', 'da', '--only', 'pack', '--out', out], { limitMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--exercises "9" is not an exercise of the kit/);
    expect(run.err).not.toMatch(/\n\s+at /);
  }, 80_000);
});

describe('a run sheet too long for one page', () => {
  it('is counted in the pages the render gives it, so the pack and the guide agree on its sheets', async () => {
    const kit = loadKit(CONTENT);
    const loc = localize(kit, CONTENT, 'da');
    const { options: request } = buildRequest({ content: CONTENT, out: 'unused', lang: 'da', duplex: 'long', bleed: 3, imposition: 'sheet' });
    const options: BuildOptions = { ...request, date: buildDate(kit.meta.date) };
    // 150 rows of a table at the smallest type still take more than one page.
    const rows = Array.from({ length: 150 }, (_, i) => [{ text: `${i + 1}` }, { text: 'Et trin med nok ord til at fylde en linje i tabellen på siden.' }]);
    const laid = onePage('long', { fontSize: 10, minFontSize: 6.5, content: [{ table: { headerRows: 0, widths: [40, '*'], body: rows } }] }, FILE, loc, options, true);
    expect(laid.pages).toBeGreaterThan(1);
    const { pages } = await renderPdf({ meta: pdfMeta(loc, options, 'x', 'x'), ...flowPages(loc, options, { content: laid.content, attribution: 'x' }) });
    expect(laid.pages).toBe(pages);
  }, 60_000);
});
