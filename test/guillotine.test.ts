import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { cardViews } from '../src/documents/cards/views.js';
import { localize } from '../src/i18n/translator.js';
import { PT_PER_MM } from '../src/print/units.js';
import { buildInto } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { readDrawing, type PageDrawing, type Stroke } from './helpers/drawing.js';
import { readPdf, type PdfFile } from './helpers/pdf.js';
import { contains, plannedSheet, type Axis, type Box, type Cut } from './helpers/sheet.js';

// A guillotine, simulated on the printed deck: the sheet is cut along every line the
// instruction sheet asks for, in its order, and each cut that makes a card's edge must find
// its line printed on the piece being cut at that moment.

const FILE = 'spoergsmaalskort.pdf';
const MARGIN = 4.2;
/** How far from the cut a printed line may lie and still guide the blade, in millimetres. */
const ON_LINE = 0.15;
/** A line must run at least this far across the piece to be seen. */
const SEEN = 2;
const numbers = new Set(cardViews(localize(loadKit(CONTENT), CONTENT, 'da')).map((v) => v.number));

/**
 * Cuts the sheet as its instruction sheet says: first the split between upright and turned
 * cards, when there is one; then, piece by piece, every vertical cut that the cards on the
 * piece need, then every horizontal one. Returns what went wrong (empty when every card came
 * out cleanly and every cut that made a card's edge found its line on the piece).
 */
function guillotine(sheet: PageDrawing, cards: Box[], split?: Cut): string[] {
  const problems: string[] = [];
  const inside = (c: Box, p: Box) => c.x0 >= p.x0 - 1e-6 && c.x1 <= p.x1 + 1e-6 && c.y0 >= p.y0 - 1e-6 && c.y1 <= p.y1 + 1e-6;
  const span = (b: Box, axis: Axis): [number, number] => (axis === 'x' ? [b.x0, b.x1] : [b.y0, b.y1]);
  const name = (axis: Axis) => (axis === 'x' ? 'vertical' : 'horizontal');
  const cut = (p: Box, { axis, at }: Cut): Box[] => {
    const [lo, hi] = span(p, axis);
    if (at <= lo + 1e-3 || at >= hi - 1e-3) return [p];
    const held = cards.filter((c) => inside(c, p));
    if (held.some((c) => span(c, axis)[0] < at - 1e-3 && span(c, axis)[1] > at + 1e-3)) problems.push(`the ${name(axis)} cut at ${at.toFixed(2)} mm runs through a card`);
    const makesEdge = held.some((c) => span(c, axis).some((e) => Math.abs(e - at) < 1e-3));
    if (makesEdge && !markedOn(sheet.strokes, axis, at, p)) problems.push(`no line marks the ${name(axis)} cut at ${at.toFixed(2)} mm on the piece ${fmt(p)}`);
    return axis === 'x' ? [{ ...p, x1: at }, { ...p, x0: at }] : [{ ...p, y1: at }, { ...p, y0: at }];
  };
  const cutsFor = (p: Box, axis: Axis) =>
    [...new Set(cards.filter((c) => inside(c, p)).flatMap((c) => span(c, axis)).map((v) => Math.round(v * 1000) / 1000))].sort((a, b) => a - b);
  let pieces: Box[] = [{ x0: 0, y0: 0, x1: sheet.width, y1: sheet.height }];
  if (split) pieces = pieces.flatMap((p) => cut(p, split));
  for (const axis of ['x', 'y'] as const) {
    pieces = pieces.flatMap((p) => cutsFor(p, axis).reduce((parts, at) => parts.flatMap((q) => cut(q, { axis, at })), [p]));
  }
  for (const c of cards) {
    if (!pieces.some((p) => Math.abs(p.x0 - c.x0) + Math.abs(p.x1 - c.x1) + Math.abs(p.y0 - c.y0) + Math.abs(p.y1 - c.y1) < 1e-2)) problems.push(`the card ${fmt(c)} did not come out on its own`);
  }
  return problems;
}

/** A printed line along the cut that crosses the piece for at least SEEN millimetres. */
function markedOn(strokes: Stroke[], axis: Axis, at: number, piece: Box): boolean {
  return strokes.some((s) => {
    const [a1, a2, b1, b2, lo, hi] =
      axis === 'x' ? [s.x1, s.x2, s.y1, s.y2, piece.y0, piece.y1] : [s.y1, s.y2, s.x1, s.x2, piece.x0, piece.x1];
    if (Math.abs(a1 - at) > ON_LINE || Math.abs(a2 - at) > ON_LINE) return false;
    return Math.min(hi, Math.max(b1, b2)) - Math.max(lo, Math.min(b1, b2)) >= SEEN;
  });
}

const fmt = (b: Box) => `${b.x0.toFixed(1)},${b.y0.toFixed(1)}–${b.x1.toFixed(1)},${b.y1.toFixed(1)}`;

const cases = [
  ['a4', 'poker'],
  ['a4', 'a7'],
  ['a4', 'a6'],
  ['a4', '70x100'],
  ['letter', 'poker'],
  ['letter', 'a7'],
  ['letter', 'a6'],
  ['letter', '70x100'],
] as const;

describe.each(cases)('cutting the deck on %s with %s cards', (paper, size) => {
  let pdf: PdfFile;
  let drawing: PageDrawing[];
  const { cards: trims, split } = plannedSheet(paper, size, MARGIN);
  const frontPages = () => pdf.pages.map((p, i) => ({ p, i })).filter(({ i }) => i >= 2 && i % 2 === 0);
  beforeAll(async () => {
    const built = await buildInto({ only: 'cards', paper, 'card-size': size });
    const bytes = built.read('da', FILE);
    [pdf, drawing] = await Promise.all([readPdf(bytes), readDrawing(bytes)]);
  });

  it('has the cards where the plan says: every card number lies inside a card', () => {
    for (const { p } of frontPages()) {
      const found = p.texts.filter((t) => numbers.has(t.str));
      expect(found.length).toBeGreaterThan(0);
      for (const t of found) {
        const [x, y] = [t.x / PT_PER_MM, t.y / PT_PER_MM];
        expect(trims.some((c) => contains(c, x, y)), `${t.str} at ${x.toFixed(1)},${y.toFixed(1)} mm`).toBe(true);
      }
    }
  });

  it('tells the cutter to cut all vertical lines first, then the horizontal ones on each strip, after any split', () => {
    expect(pdf.pages[0]!.text).toMatch(/skær først alle lodrette streger fra kant til kant, og skær så de vandrette streger på hver strimmel/);
    const splitFirst = 'Skær først arket over langs den stiplede streg mellem de stående og de liggende kort';
    if (split) expect(pdf.pages[0]!.text).toContain(splitFirst);
    else expect(pdf.pages[0]!.text).not.toContain(splitFirst);
  });

  it('marks every cut that makes a card edge on the piece in hand, in that order, on every front sheet', () => {
    for (const { p, i } of frontPages()) {
      const onSheet = trims.filter((c) => p.texts.some((t) => numbers.has(t.str) && contains(c, t.x / PT_PER_MM, t.y / PT_PER_MM)));
      expect(guillotine(drawing[i]!, onSheet, split), `sheet on page ${i + 1}`).toEqual([]);
    }
  });

  it.runIf(split?.axis === 'y')('needs its split first: without it a vertical cut would run through the turned cards', () => {
    const [{ i }] = frontPages();
    expect(guillotine(drawing[i]!, trims).some((p) => p.includes('runs through a card'))).toBe(true);
  });

  it(`prints nothing, and trims no card, within ${MARGIN} mm of the paper's edge`, () => {
    for (const c of trims) {
      expect(Math.min(c.x0, c.y0, drawing[2]!.width - c.x1, drawing[2]!.height - c.y1)).toBeGreaterThanOrEqual(MARGIN);
    }
    for (const [i, page] of drawing.entries()) {
      if (i < 2) continue;
      for (const s of page.strokes) {
        const reach = Math.min(s.x1, s.x2, s.y1, s.y2, page.width - Math.max(s.x1, s.x2), page.height - Math.max(s.y1, s.y2));
        expect(reach, `a line on page ${i + 1}`).toBeGreaterThanOrEqual(MARGIN - s.width / 2 - 1e-3);
      }
      for (const f of page.fills) {
        const reach = Math.min(f.x, f.y, page.width - f.x - f.width, page.height - f.y - f.height);
        expect(reach, `a coloured area on page ${i + 1}`).toBeGreaterThanOrEqual(MARGIN - 1e-3);
      }
    }
  });

  it('never draws a line onto a card', () => {
    for (const { i } of frontPages()) {
      for (const s of drawing[i]!.strokes) {
        for (const c of trims) {
          const enters = Math.max(s.x1, s.x2) > c.x0 + s.width && Math.min(s.x1, s.x2) < c.x1 - s.width && Math.max(s.y1, s.y2) > c.y0 + s.width && Math.min(s.y1, s.y2) < c.y1 - s.width;
          expect(enters, `line ${JSON.stringify(s)} on page ${i + 1}`).toBe(false);
        }
      }
    }
  });
});

describe('the guillotine simulation', () => {
  it('finds a cut whose line is missing from the piece in hand', () => {
    // The old marks: short ticks in the margins and gutters only, which the vertical cuts throw away.
    const card = { x0: 20, y0: 20, x1: 83, y1: 108 };
    const sheet: PageDrawing = {
      width: 210,
      height: 297,
      fills: [],
      strokes: [
        { x1: 20, y1: 10, x2: 20, y2: 18, width: 0.1 },
        { x1: 83, y1: 10, x2: 83, y2: 18, width: 0.1 },
        { x1: 10, y1: 20, x2: 18, y2: 20, width: 0.1 },
        { x1: 10, y1: 108, x2: 18, y2: 108, width: 0.1 },
      ],
    };
    expect(guillotine(sheet, [card])).toEqual([
      'no line marks the horizontal cut at 20.00 mm on the piece 20.0,0.0–83.0,297.0',
      'no line marks the horizontal cut at 108.00 mm on the piece 20.0,20.0–83.0,297.0',
    ]);
  });
});
