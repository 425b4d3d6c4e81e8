import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { cardViews } from '../src/documents/cards/views.js';
import { localize } from '../src/i18n/translator.js';
import type { Duplex } from '../src/print/imposition.js';
import { PT_PER_MM } from '../src/print/units.js';
import { breakLongWords } from '../src/render/hyphenate.js';
import { FitError } from '../src/errors.js';
import { buildRequest, type RawBuildArgs } from '../src/commands/build-options.js';
import { UsageError } from '../src/content/problems.js';
import { buildInto, builtPdf } from './helpers/build.js';
import { defaultDeck } from './helpers/fixture-kit.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { normalize, readPdf, type PdfFile, type PdfPage } from './helpers/pdf.js';
import { contains, plannedSheet } from './helpers/sheet.js';

const FILE = 'spoergsmaalskort.pdf';
const kit = loadKit(CONTENT);
const views = cardViews(localize(kit, CONTENT, 'da'));

const deck = (args: Parameters<typeof buildInto>[0] = {}) => builtPdf('cards', FILE, args);

/** Card numbers on a page with their positions as shown, in millimetres, and their direction. */
function numbersOn(page: PdfPage): Map<string, { x: number; y: number; angle: number }> {
  const found = new Map<string, { x: number; y: number; angle: number }>();
  for (const t of page.texts) {
    if (views.some((v) => v.number === t.str)) found.set(t.str, { x: t.x / PT_PER_MM, y: t.y / PT_PER_MM, angle: t.angle });
  }
  return found;
}

describe('the card deck on A4 with long-edge duplex', () => {
  let pdf: PdfFile;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await defaultDeck();
    pdf = await readPdf(bytes);
  });

  it('is A4 upright on every page, the cards laid sideways where that fits more', () => {
    expect(pdf.pages.slice(2).every((p) => p.rotate % 180 === 90)).toBe(true);
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
    }
  });

  it('starts with the printing instructions and the duplex test', () => {
    expect(pdf.pages[0]!.text).toContain('Print i faktisk størrelse (100 %)');
    expect(pdf.pages[0]!.text).toContain('Print dobbeltsidet, og vælg »vend på den lange kant« i printerens indstillinger.');
    // One duplex sentence, and no command-line words on paper.
    expect(pdf.pages[0]!.text).not.toMatch(/korte kant|--/);
    expect(pdf.pages[0]!.text).toContain('48 kort på 6 ark A4, 8 kort pr. ark');
    expect(pdf.pages[1]!.text).toContain('Bagside af testarket');
    expect(pdf.pages).toHaveLength(2 + 2 * 6);
  });

  it('holds every card text of the content', () => {
    const all = normalize(pdf.pages.map((p) => p.text).join(' '));
    for (const v of views) {
      expect(all, v.id).toContain(normalize(v.text));
      if (v.truth) expect(all, v.id).toContain(normalize(v.truth));
    }
  });

  it('alternates fronts and backs, each back sheet holding the cards of the front before it', () => {
    for (let p = 2; p < pdf.pages.length; p += 2) {
      const front = pdf.pages[p]!;
      const back = pdf.pages[p + 1]!;
      expect(front.text).toMatch(/Kilde: Fremfærd, 2015|Kittets egen tekst/);
      const onFront = [...numbersOn(front).keys()].sort();
      expect(onFront.length).toBeGreaterThan(0);
      expect([...numbersOn(back).keys()].sort()).toEqual(onFront);
    }
  });

  it('puts each back behind its own front, reading the right way up when the card is turned like a book page', () => {
    expectDuplexMapping(pdf, 'long');
  });

  it('embeds every font, says it is Danish and carries its metadata', () => {
    expect(pdf.fontsEmbedded).toBe(true);
    expect(pdf.fontCount).toBeGreaterThanOrEqual(2);
    expect(pdf.language).toBe('da');
    expect(pdf.info).toMatchObject({
      Title: 'Spørgekort – Kerneopgaven på dagsordenen',
      Author: 'Fremfærd',
      Subject: '48 spørgekort til Kerneopgaven på dagsordenen',
      Creator: expect.stringMatching(/^kernekit \d+\.\d+\.\d+$/),
    });
    expect(pdf.info.Keywords).toContain('kerneopgaven');
  });

  it('is byte-identical when built again', async () => {
    const again = await deck();
    expect(again.bytes.equals(bytes)).toBe(true);
  });
});

/**
 * Holding the printed sheet up to the light, each card's back shows through behind its
 * front (the flip mirrors it left to right on the long edge, top to bottom on the short
 * one), and its text runs against the front's: turned over like a book page, the back
 * reads the right way up.
 */
function expectDuplexMapping(pdf: PdfFile, duplex: Duplex, paper: 'a4' | 'letter' = 'a4', size = 'poker') {
  const { cards } = plannedSheet(paper, size);
  let checked = 0;
  for (let p = 2; p < pdf.pages.length; p += 2) {
    const { width, height } = pdf.pages[p]!;
    const backs = numbersOn(pdf.pages[p + 1]!);
    const fronts = numbersOn(pdf.pages[p]!);
    for (const [number, front] of fronts) {
      const back = backs.get(number)!;
      const through = duplex === 'long'
        ? { x: width / PT_PER_MM - back.x, y: back.y, angle: (540 - back.angle) % 360 }
        : { x: back.x, y: height / PT_PER_MM - back.y, angle: (360 - back.angle) % 360 };
      expect(through.angle, `${number}: direction of the back's text, seen through the sheet`).toBe((front.angle + 180) % 360);
      const card = cards.find((c) => contains(c, front.x, front.y));
      expect(card && contains(card, through.x, through.y), `${number}: its back lies behind its front`).toBe(true);
      checked++;
    }
  }
  expect(checked).toBe(views.length);
}

describe('deck options', () => {
  it('turns the backs half a round with short-edge duplex, so turned like a book page they read upright', async () => {
    const { pdf } = await deck({ duplex: 'short' });
    expect(pdf.pages[0]!.text).toContain('vend på den korte kant');
    expectDuplexMapping(pdf, 'short');
  });

  it.each([
    ['letter', 'poker', 'long'],
    ['letter', 'poker', 'short'],
    ['a4', 'a7', 'long'],
    ['a4', 'a7', 'short'],
  ] as const)('puts upright and sideways cards on one %s sheet (%s) with backs that read upright, %s edge', async (paper, size, duplex) => {
    const { pdf } = await deck({ paper, 'card-size': size, duplex });
    expect(pdf.pages[0]!.text).toContain('Nogle af kortene ligger på tværs');
    const angles = new Set(pdf.pages[2]!.texts.map((t) => t.angle));
    expect([...angles].sort()).toEqual([0, 90]);
    expectDuplexMapping(pdf, duplex, paper, size);
  });

  it('uses the paper up to --printer-margin: with none, 9 upright poker cards fit on A4', async () => {
    const { pdf } = await deck({ 'printer-margin': 0 });
    expect(pdf.pages[0]!.text).toContain('48 kort på 6 ark A4, 9 kort pr. ark');
    expect(pdf.pages[0]!.text).toContain('Intet er tættere end 0 mm på papirets kant');
    expect(pdf.pages[2]!.rotate).toBe(0);
  });

  it('refuses a --printer-margin out of range, or one that leaves no room for a card, as a command-line mistake', () => {
    const request = (args: Partial<RawBuildArgs>) => () => buildRequest({ content: CONTENT, out: 'unused', duplex: 'long', bleed: 3, imposition: 'sheet', ...args });
    expect(request({ 'printer-margin': 25 })).toThrow(UsageError);
    expect(request({ 'printer-margin': 25 })).toThrow('--printer-margin 25 is out of range. Give the printer\'s unprintable margin in millimetres from 0 to 20; 4.2 suits most office printers.');
    expect(request({ 'printer-margin': -1 })).toThrow(UsageError);
    const tooBig = buildInto({ only: 'cards', 'card-size': '190x270', 'printer-margin': 10 });
    return expect(tooBig).rejects.toThrow(/A 190×270 mm card with 3 mm bleed does not fit inside the printable area of 210×297 mm paper \(10 mm printer margin\)/);
  });

  it('prints on US Letter with --paper letter', async () => {
    const { pdf } = await deck({ paper: 'letter' });
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(612, 1);
      expect(p.height).toBeCloseTo(792, 1);
    }
    // Three rows of upright poker cards with bleed need 282 mm; Letter has 279.4, so two rows and one of sideways cards.
    expect(pdf.pages[0]!.text).toContain('48 kort på 6 ark US Letter, 8 kort pr. ark');
  });

  it('has no backs and no duplex test with --duplex none, and prints every truth on a card of its own', async () => {
    const { pdf } = await deck({ duplex: 'none' });
    const misunderstandings = views.filter((v) => v.truth);
    // 48 fronts and 3 answer cards, 8 to a sheet.
    expect(pdf.pages).toHaveLength(1 + 7);
    expect(pdf.pages[0]!.text).toContain('Print enkeltsidet');
    expect(pdf.pages[0]!.text).toContain('står svaret på hver af de 3 misforståelser på et ekstra kort »Sådan hænger det sammen« lige efter kortet');
    expect(pdf.pages[0]!.text).not.toContain('Test dobbeltsidet');
    const fronts = normalize(pdf.pages.slice(1).map((p) => p.text).join(' '));
    for (const m of misunderstandings) {
      expect(fronts, m.id).toContain(normalize(m.text));
      expect(fronts, m.id).toContain(normalize(m.truth!));
    }
    // Each answer card carries the number of the card it answers, so the two can be kept together.
    const numbered = pdf.pages.slice(1).flatMap((p) => p.texts.map((t) => t.str)).filter((s) => misunderstandings.some((m) => m.number === s));
    expect(numbered.sort()).toEqual(misunderstandings.flatMap((m) => [m.number, m.number]).sort());
  });

  it('gives a print shop one card per page with TrimBox and BleedBox', async () => {
    const { pdf } = await deck({ imposition: 'single' });
    expect(pdf.pages).toHaveLength(2 * views.length);
    const mm = (v: number) => Math.round(v * PT_PER_MM * 1000) / 1000;
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(mm(69), 2);
      expect(p.height).toBeCloseTo(mm(94), 2);
      expect(p.trimBox).toEqual([mm(3), mm(3), mm(66), mm(91)]);
      expect(p.bleedBox).toEqual([0, 0, mm(69), mm(94)]);
    }
    expect([...numbersOn(pdf.pages[0]!).keys()]).toEqual([views[0]!.number]);
    expect([...numbersOn(pdf.pages[1]!).keys()]).toEqual([views[0]!.number]);
  });
});

describe('text that is too long', () => {
  it('is set in smaller type until it fits', async () => {
    const dir = contentCopy();
    const long = 'Hvilke forskelle er der mellem faggruppernes perspektiv på kerneopgaven, og hvordan kommer de til udtryk i hverdagen, på møderne, i dokumentationen og i mødet med borgerne?';
    edit(dir, 'checklist.yaml', 'text: Hvilke forskelle er der mellem faggruppernes perspektiv på kerneopgaven?', `text: ${long}`);
    const built = await buildInto({ content: dir, only: 'cards' });
    const pdf = await readPdf(built.read('da', FILE));
    const item = pdf.pages.flatMap((p) => p.texts).find((t) => t.str.startsWith('Hvilke forskelle er der'))!;
    const normal = pdf.pages.flatMap((p) => p.texts).find((t) => t.str.startsWith('Hvor ser du'))!;
    expect(normal.fontSize).toBe(15);
    expect(item.fontSize).toBeLessThan(15);
    expect(item.fontSize).toBeGreaterThanOrEqual(9);
    expect(normalize(pdf.pages.map((p) => p.text).join(' '))).toContain(normalize(long));
  });

  it('that cannot fit even at the minimum size fails the build, naming the card, language and text', async () => {
    const dir = contentCopy();
    const endless = Array.from({ length: 30 }, () => 'Hvordan forstår I kerneopgaven i jeres daglige arbejde?').join(' ');
    edit(dir, 'checklist.yaml', 'text: Hvordan forstår I kerneopgaven?', `text: ${endless}`);
    const out = buildInto({ content: dir, only: 'cards' });
    await expect(out).rejects.toThrow(FitError);
    await expect(out).rejects.toThrow(/spoergsmaalskort\.pdf \(da\): the text of "me-forstaar \[ME-[2-9A-Z]{3}\] \(body\)" does not fit its box even at 9 pt: "Dialog · spørg dem Hvordan forstår I kerneopgaven i jeres/);
  });
});

describe('long words', () => {
  const style = { fontSize: 15, bold: false, italics: false };
  it('break at a Danish hyphenation point with a visible hyphen, only when a line is too narrow', () => {
    expect(breakLongWords('kerneopgaveløsningen', 1000, style, 'da')).toBe('kerneopgaveløsningen');
    const broken = breakLongWords('kerneopgaveløsningen', 90, style, 'da');
    expect(broken).toMatch(/^[a-zæøå]+-[a-zæøå]+(-[a-zæøå]+)*$/);
    expect(broken.replace(/-/g, '')).toBe('kerneopgaveløsningen');
    expect(broken).not.toMatch(/^ke-|-en$/);
  });

  it('are hyphenated on a narrow card in the PDF', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvordan taler tillidsrepræsentanterne om kerneopgaveløsningen?');
    const built = await buildInto({ content: dir, only: 'cards', 'card-size': '50x90' });
    const pdf = await readPdf(built.read('da', FILE));
    const lines = pdf.pages.flatMap((p) => p.texts.map((t) => t.str));
    const hyphenated = lines.filter((l) => /\p{L}-$/u.test(l));
    expect(hyphenated.length).toBeGreaterThan(0);
    expect(pdf.pages.map((p) => p.text).join(' ')).toContain('Hvordan taler tillidsrepræsentanterne om kerneopgaveløsningen?');
  });
});
