import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { PT_PER_MM } from '../src/print/units.js';
import { buildInto, builtPdf } from './helpers/build.js';
import { readPdf, type PdfFile } from './helpers/pdf.js';

const FILE = 'spoergsmaalskort.pdf';

/** Every Flate stream of a PDF, inflated (content streams among them), as Latin-1 text. */
function streams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const bytes = pdf.subarray(start, raw.indexOf('endstream', start));
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      // not a Flate stream (none in kernekit's files) or a font program: not page content
    }
  }
  return out.filter((s) => /\bBT\b|\bre\b/.test(s));
}

/** Subset name → tag, e.g. SourceSans3-Regular → CKYIMB. */
function subsetTags(pdf: Buffer): Map<string, string> {
  return new Map([...pdf.toString('latin1').matchAll(/\/FontName \/([A-Z]{6})\+(\S+)/g)].map((m) => [m[2]!, m[1]!]));
}

describe('the print shop’s single-card file', () => {
  let bytes: Buffer;
  beforeAll(async () => ({ bytes } = await builtPdf('cards', FILE, { imposition: 'single' })));

  it('declares PDF 1.7, which tagged PDF/UA-1 is defined on, with its language', () => {
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text).toMatch(/\/Lang \(da\)/);
    expect(text).toMatch(/\/Type \/ExtGState[^>]*\/CA 1/);
    // Optional content and JPEG 2000 would need a print shop's preflight to look twice.
    expect(text).not.toMatch(/\/OCProperties|\/JPXDecode/);
  });

  it('prints black and grey text in black ink only (K), never as mixed RGB grey', () => {
    // (A grey category band, #333333, is an area, not small text: it may stay RGB.)
    const content = streams(bytes).join('\n');
    // A text's colour: the fill colour set before a BT, with no other colour between them.
    const fills = [...content.matchAll(/\/(DeviceRGB|DeviceCMYK) cs\s+([\d. ]+) scn((?:(?!\/Device(?:RGB|CMYK) cs)[\s\S])*)/g)]
      .filter((m) => /\bBT\b/.test(m[3]!))
      .map((m) => ({ space: m[1], values: m[2]!.trim().split(' ').map(Number) }));
    expect(fills.length).toBeGreaterThan(100);
    const neutralRgb = fills.filter((f) => f.space === 'DeviceRGB' && f.values.every((v) => Math.abs(v - f.values[0]!) < 1e-9));
    expect(neutralRgb).toEqual([]);
    // The card text (#1A1A1A) and the number (#333333) are K 89.8 % and 80 %, nothing else.
    const k = fills.filter((f) => f.space === 'DeviceCMYK').map((f) => f.values);
    expect(k).toContainEqual([0, 0, 0, 0.898]);
    expect(k).toContainEqual([0, 0, 0, 0.8]);
    for (const v of k) expect(v.slice(0, 3)).toEqual([0, 0, 0]);
  });

  it('keeps every font subset’s tag its own: different subsets, different tags, the same on every build', async () => {
    const guide = await buildInto({ only: 'guide' });
    const deckTags = subsetTags(bytes);
    const guideTags = subsetTags(guide.read('da', 'facilitatorguide.pdf'));
    expect(deckTags.size).toBeGreaterThanOrEqual(2);
    expect(new Set(deckTags.values()).size).toBe(deckTags.size);
    // The same font, other glyphs: another tag, so the two files can be merged safely.
    expect(guideTags.get('SourceSans3-Regular')).not.toBe(deckTags.get('SourceSans3-Regular'));
    for (const tag of [...deckTags.values(), ...guideTags.values()]) expect(tag).not.toMatch(/ZZZZ/);
    const again = await builtPdf('cards', FILE, { imposition: 'single' });
    expect(again.bytes.equals(bytes)).toBe(true);
  }, 120_000);
});

describe('--crop-marks', () => {
  let pdf: PdfFile;
  let bytes: Buffer;
  beforeAll(async () => {
    ({ pdf, bytes } = await builtPdf('cards', FILE, { imposition: 'single', 'crop-marks': true }));
  });

  it('grows the page by 7 mm each side and keeps TrimBox and BleedBox on the card', () => {
    const mm = (v: number) => Math.round(v * PT_PER_MM * 1000) / 1000;
    const page = pdf.pages[0]!;
    expect(page.width).toBeCloseTo(mm(63 + 6 + 14), 2);
    expect(page.height).toBeCloseTo(mm(88 + 6 + 14), 2);
    expect(page.bleedBox).toEqual([mm(7), mm(7), mm(7 + 69), mm(7 + 94)]);
    expect(page.trimBox).toEqual([mm(10), mm(10), mm(10 + 63), mm(10 + 88)]);
  });

  it('draws eight marks per page on the trim lines, all outside the bleed, in black ink only', () => {
    const [bx1, , bx2] = pdf.pages[0]!.bleedBox!;
    const [tx1, , tx2] = pdf.pages[0]!.trimBox!;
    const height = pdf.pages[0]!.height;
    const [, by1, , by2] = pdf.pages[0]!.bleedBox!.map((v, i) => (i % 2 === 1 ? height - v : v));
    const [, ty1, , ty2] = pdf.pages[0]!.trimBox!.map((v, i) => (i % 2 === 1 ? height - v : v));
    const first = streams(bytes)[0]!;
    // pdfkit draws in a top-down space: "x y m x y l" then a K-only stroke colour and S.
    const lines = [...first.matchAll(/([\d.]+) ([\d.]+) m\s+([\d.]+) ([\d.]+) l/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
    const marks = lines.filter(([x1, y1, x2, y2]) => x1 === x2 || y1 === y2);
    expect(marks).toHaveLength(8);
    const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
    for (const [x1, y1, x2, y2] of marks) {
      if (x1 === x2) {
        expect([tx1, tx2].some((x) => near(x!, x1))).toBe(true);
        expect(Math.max(y1, y2) <= Math.min(by1!, by2!) || Math.min(y1, y2) >= Math.max(by1!, by2!)).toBe(true);
      } else {
        expect([ty1, ty2].some((y) => near(y!, y1))).toBe(true);
        expect(Math.max(x1, x2) <= bx1! || Math.min(x1, x2) >= bx2!).toBe(true);
      }
    }
    expect(first).toMatch(/\/DeviceCMYK CS\s+0 0 0 1 SCN/);
  });

  it('is refused without --imposition single, with exit code 2', async () => {
    const err: string[] = [];
    const code = await main(['build', '--only', 'cards', '--crop-marks', '--out', 'unused'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--crop-marks is for the print shop');
  });
});
