import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOW_MARGINS } from '../src/documents/page.js';
import { mm } from '../src/print/units.js';
import { cli } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { readPdf, type PdfPage } from './helpers/pdf.js';
import { bundlePlanner } from './helpers/planner-bundle.js';
import { scriptFonts } from '../src/planner/write-data.js';
import { lines, rightEnd } from './helpers/rtl.js';
import { matterhorn } from './helpers/structure.js';

// Arabic and Persian editions from the fixture translations (a few real labels each, the rest
// falling back to Danish), built by the command line and read back as a reader sees them.

async function edition(language: string) {
  const out = join(tempDir('out'), 'out');
  const r = await cli(['build', '--content', contentCopy(language), '--out', out, '--lang', language, '--only', 'guide,cards,actors', '--quiet']);
  return {
    r,
    pdf: (file: string) => readPdf(join(out, language, file)),
    html: (file: string) => readFileSync(join(out, language, file), 'utf8'),
    files: ['facilitatorguide.pdf', 'spoergsmaalskort.pdf', '360-graders-blik.pdf'].map((f) => join(out, language, f)),
  };
}

/** The line of `page` that holds `word`, its pieces from left to right. */
function lineWith(page: PdfPage, word: string) {
  const line = lines(page.texts).find((row) => row.some((t) => t.str.includes(word)));
  expect(line, `"${word}" is not on the page`).toBeDefined();
  return line!;
}

const RIGHT_MARGIN = (page: PdfPage) => page.width - mm(FLOW_MARGINS[1]);

describe('right-to-left editions', () => {
  it('an Arabic kit builds: headings end at the right margin, words and numbers read in order, Danish fallbacks keep their full stop, the web pages are right to left', async () => {
    const { r, pdf, html, files } = await edition('ar');
    expect(r.err).not.toMatch(/fonts cannot print/);
    expect(r.code).toBe(0);
    // A language just begun: its hundreds of missing keys are counted, ten named, the rest sent to i18n status.
    const missing = r.err.split('\n').find((l) => l.startsWith('warning: ar:'))!;
    expect(missing).toMatch(/^warning: ar: \d{3} keys not translated, printed in Danish: (?:[\w:.-]+, ){9}[\w:.-]+ and \d+ more \(kernekit i18n status --lang ar lists them all\)$/);
    const guide = await pdf('facilitatorguide.pdf');
    // The chapter's page, after the table of contents that names it too.
    const about = guide.pages.findLast((p) => p.text.includes('ما هي المهمة الأساسية؟'));
    expect(about, 'the translated chapter heading, in order').toBeDefined();
    expect(rightEnd(lineWith(about!, 'الأساسية'))).toBeCloseTo(RIGHT_MARGIN(about!), 0);
    // The table of contents from the right: each title at the right margin, its page number at
    // the left; a Danish fallback title keeps its question mark at its end.
    const contents = guide.pages.find((p) => p.text.includes('المحتويات'))!;
    const entry = lineWith(contents, 'definerer');
    expect(entry.map((t) => t.str).join(' ').replace(/\s+/g, ' ').trim()).toBe('Hvem definerer kerneopgaven?');
    expect(rightEnd(entry)).toBeCloseTo(RIGHT_MARGIN(contents), 0);
    expect(rightEnd(lineWith(contents, 'الأساسية'))).toBeCloseTo(RIGHT_MARGIN(contents), 0);
    const runSheet = lineWith(contents, 'Drejebog');
    expect(rightEnd(runSheet.filter((t) => !/^\d+$/.test(t.str.trim())))).toBeCloseTo(RIGHT_MARGIN(contents), 0);
    const number = runSheet.find((t) => /^\d+$/.test(t.str.trim()));
    expect(number, 'the page number on the title\'s line').toBeDefined();
    expect(number!.x).toBeLessThan(contents.width / 4);

    const deck = await pdf('spoergsmaalskort.pdf');
    const instructions = deck.pages[0]!;
    expect(instructions.text).toContain('مقاس البطاقة 63 × 88 mm');
    // deck.print.sideways has no Arabic: a Danish paragraph, left to right, standing on the right.
    const danish = 'Kortene ligger på tværs af arket: sådan er der plads til flest.';
    expect(instructions.text).toContain(danish);
    const line = lineWith(instructions, 'Kortene');
    expect(line.map((t) => t.str).join(' ').replace(/\s+/g, ' ')).toBe(danish);
    // The deck's page has margins of its own: every line ends where its translated heading does.
    expect(rightEnd(line)).toBeCloseTo(rightEnd(lineWith(instructions, 'الطباعة')), 0);
    expect(rightEnd(lineWith(instructions, 'البطاقة'))).toBeCloseTo(rightEnd(line), 0);

    const page = html('spoergsmaalskort.html');
    expect(page).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page).toContain('<span lang="da" dir="ltr">Øvelse 1 · Hvem definerer kerneopgaven?</span>');

    // Mirrored and reordered, the PDFs stay tagged: the PDF/UA check finds nothing.
    expect(Object.fromEntries([...matterhorn(files)].filter(([, failures]) => failures.length > 0))).toEqual({});
  }, 240_000);

  it('a Persian deck prints the card size in Persian digits, in order: "۶۳ × ۸۸ mm"', async () => {
    const { r, pdf } = await edition('fa');
    expect(r.code).toBe(0);
    const instructions = (await pdf('spoergsmaalskort.pdf')).pages[0]!;
    // (The full stop stands left of "mm", drawn after it: pdf.js reads a space between the two.)
    expect(instructions.text).toContain('اندازه کارت ۶۳ × ۸۸ mm');
    expect(rightEnd(lineWith(instructions, 'اندازه'))).toBeCloseTo(rightEnd(lineWith(instructions, 'چاپ')), 0);
    // A Danish label with a Persian number in it (drawn in two faces) is still a Danish paragraph: its full stop at its end.
    expect(instructions.text).toContain('Intet er tættere end ۴٫۲ mm på papirets kant, så printeren når det hele.');
  }, 240_000);

  it('a Persian guide writes the numbers and clock times of its labels in Persian digits, translated or not', async () => {
    const content = contentCopy('fa');
    const out = tempDir('out');
    const r = await cli(['build', '--content', content, '--out', out, '--lang', 'fa', '--only', 'guide', '--exercises', '1', '--start', '09:00', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const guide = await readPdf(join(out, 'fa', 'facilitatorguide.pdf'));
    const text = guide.pages.map((p) => p.text).join('\n');
    // (The brackets are drawn mirrored, so pdf.js reads them swapped: the words are checked.)
    expect(text).toContain('پایان ساعت ۱۰:۰۰');
    expect(text).toContain('۶۰ دقیقه در مجموع');
    expect(guide.pages[1]!.text).toMatch(new RegExp(`صفحه ۲ از ${[...String(guide.pages.length)].map((d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]).join('')}`));
    // A label Persian has not translated prints in Danish, its numbers as every number here: in Persian digits.
    expect(text).toContain('start kl. ۰۹:۰۰');
    expect(text).not.toMatch(/\b09:00\b/);
  }, 240_000);

  it.each(['ar', 'fa'])('the planner page makes a guide in %s of the same bytes as the command line, with the fonts cut down to Latin and Arabic letters', async (language) => {
    const content = contentCopy(language);
    const browser = await bundlePlanner(language, content).guide({ participants: 24, groups: 4, start: 13 * 60 });
    const out = tempDir('out');
    const r = await cli(['build', '--content', content, '--out', out, '--lang', language, '--only', 'guide', '--participants', '24', '--groups', '4', '--start', '13:00', '--quiet']);
    expect(r.code).toBe(0);
    expect(Buffer.compare(Buffer.from(browser), readFileSync(join(out, language, 'facilitatorguide.pdf'))), 'the browser bundle made other bytes than the command line').toBe(0);
    // The kit's typeface draws only Latin letters here (the Danish fallbacks, the digits) and the
    // Arabic face only the Arabic block (Persian's ZWNJ too), so the page carries each as the
    // package ships it cut down to those, not their whole files.
    const fonts = scriptFonts(readFileSync(join(out, language, 'planner-fonts.js'), 'latin1'));
    const shipped = (file: string) => scriptFonts(readFileSync(join(import.meta.dirname, '../bundle', file), 'latin1'));
    const cut = { ...shipped('planner-fonts.js'), ...shipped('planner-script-fonts.js') };
    expect(Object.keys(fonts)).toEqual([...Object.keys(shipped('planner-fonts.js')), 'NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf']);
    for (const [name, bytes] of Object.entries(fonts)) expect(Buffer.compare(Buffer.from(bytes), Buffer.from(cut[name]!)), name).toBe(0);
  }, 240_000);
});
