import { UsageError } from '../content/problems.js';
import type { Size } from './paper.js';

/** A rectangle in millimetres, measured from the page's top left corner (as pdfmake measures). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export type Duplex = 'long' | 'short' | 'none';

/** Quarter turns, clockwise, that a viewer or printer applies to a page (PDF /Rotate). */
export type Turn = 0 | 90 | 180 | 270;

export interface Slot {
  /** The card's final size after cutting. */
  trim: Rect;
  /** Trim plus bleed on every side: what colour must cover so a cut never shows white. */
  bleed: Rect;
  /** How the card is turned on its page: 0 upright, 90 with its top to the right, 270 to the left. */
  turn: Turn;
}

/** Where cards go on a sheet of paper, front and back, and where to cut. */
export interface SheetImposition {
  /** The sheet as it comes out of the printer, upright. */
  paper: Size;
  /**
   * The page the cards are laid out on: the paper itself, or the paper on its side when all
   * cards fit better turned a quarter. Slots and cut lines are in this page's millimetres.
   */
  page: Size;
  /** How the front page is turned to sit upright on the paper. */
  frontTurn: Turn;
  /** How each back page is turned so that backs read upright when a card is turned over like a book page. */
  backTurn: Turn;
  card: Size;
  bleed: number;
  /** Nothing is printed closer than this to the paper's edge. */
  margin: number;
  fronts: Slot[];
  /** `backs[i]` is the slot on the back page that lies behind `fronts[i]` after duplex printing. */
  backs: Slot[];
  /**
   * Where upright and turned cards share a sheet: the cut that parts the two groups. It runs
   * through the gap between them and is made first, so that each part can then be cut with
   * full-length lines of its own.
   */
  split?: Line;
}

/** Stroke width of the cut lines, millimetres (0.3 pt). */
export const CUT_LINE_MM = 0.3 / (72 / 25.4);

/** A layout of trims on a page, before backs and turns are worked out. */
interface Layout {
  page: Size;
  trims: Array<{ trim: Rect; sideways: boolean }>;
  split?: Line;
}

/**
 * The layout that puts the most cards on one sheet, inside the printable area (`margin`
 * from the paper's edge, bleed included), each card keeping its own bleed: a grid of upright
 * cards; a grid of cards turned a quarter (the page is then laid out on its side and turned
 * back with /Rotate); or upright cards and turned ones in two groups, one above the other or
 * side by side. On a tie the simpler layout wins: upright cards are easiest to check.
 */
export function imposeSheet(paper: Size, card: Size, bleed: number, duplex: Duplex, margin: number): SheetImposition {
  const cell = { width: card.width + 2 * bleed, height: card.height + 2 * bleed };
  const candidates: Array<{ layout: Layout; frontTurn: Turn }> = [
    { layout: grid(paper, cell, margin), frontTurn: 0 },
    { layout: grid({ width: paper.height, height: paper.width }, cell, margin), frontTurn: 90 },
    { layout: stacked(paper, cell, margin), frontTurn: 0 },
    { layout: transposed(stacked(transpose(paper), transpose(cell), margin)), frontTurn: 0 },
  ];
  const best = candidates.reduce((a, b) => (b.layout.trims.length > a.layout.trims.length ? b : a));
  if (best.layout.trims.length === 0) {
    throw new UsageError(
      `A ${card.width}×${card.height} mm card with ${bleed} mm bleed does not fit inside the printable area of ${paper.width}×${paper.height} mm paper (${margin} mm printer margin). Choose a smaller --card-size, --bleed or --printer-margin.`,
    );
  }
  const { page, split } = best.layout;
  const slot = (r: Rect, turn: Turn): Slot => ({
    bleed: r,
    trim: { x: r.x + bleed, y: r.y + bleed, width: r.width - 2 * bleed, height: r.height - 2 * bleed },
    turn,
  });
  const fronts = best.layout.trims.map((t) => slot(t.trim, t.sideways ? 90 : 0));
  // Backs mirror left to right for either flip (the back page's turn makes up the
  // difference), and a turned card's back is turned the other way, so that turned over like
  // a book page it reads the right way up.
  const backs = best.layout.trims.map((t) => slot({ ...t.trim, x: page.width - t.trim.x - t.trim.width }, t.sideways ? 270 : 0));
  return { paper, page, frontTurn: best.frontTurn, backTurn: backTurn(best.frontTurn, duplex), card, bleed, margin, fronts, backs, ...(split ? { split } : {}) };
}

/** How many cells fit along a length, inside the margins. */
function fit(length: number, cell: number, margin: number): number {
  return Math.max(0, Math.floor((length - 2 * margin + 1e-9) / cell));
}

/** Rows × columns of upright cells (bleed rectangles), centred on the page. */
function grid(page: Size, cell: Size, margin: number): Layout {
  return { page, trims: rowsOf(page, cell, fit(page.height, cell.height, margin), (page.height - fit(page.height, cell.height, margin) * cell.height) / 2, margin, false) };
}

/** `rows` rows of cells from `top`, each row centred across the page. */
function rowsOf(page: Size, cell: Size, rows: number, top: number, margin: number, sideways: boolean): Layout['trims'] {
  const columns = fit(page.width, cell.width, margin);
  const left = (page.width - columns * cell.width) / 2;
  const trims: Layout['trims'] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      trims.push({ trim: { x: left + column * cell.width, y: top + row * cell.height, ...cell }, sideways });
    }
  }
  return trims;
}

/**
 * Rows of upright cells above rows of turned ones, with the split between them: the best
 * mix of the two, when both are present (otherwise a plain grid says it better).
 */
function stacked(page: Size, cell: Size, margin: number): Layout {
  const turned = transpose(cell);
  const room = page.height - 2 * margin;
  let best: { upright: number; sideways: number; count: number } = { upright: 0, sideways: 0, count: 0 };
  for (let upright = 1; upright * cell.height <= room; upright++) {
    const sideways = Math.floor((room - upright * cell.height + 1e-9) / turned.height);
    const count = upright * fit(page.width, cell.width, margin) + sideways * fit(page.width, turned.width, margin);
    if (sideways > 0 && count > best.count) best = { upright, sideways, count };
  }
  if (best.count === 0) return { page, trims: [] };
  const height = best.upright * cell.height + best.sideways * turned.height;
  const top = (page.height - height) / 2;
  const splitAt = top + best.upright * cell.height;
  return {
    page,
    trims: [...rowsOf(page, cell, best.upright, top, margin, false), ...rowsOf(page, turned, best.sideways, splitAt, margin, true)],
    split: { x1: margin, y1: splitAt, x2: page.width - margin, y2: splitAt },
  };
}

function transpose<T extends Size>(s: T): Size {
  return { width: s.height, height: s.width };
}

/** A layout worked out with the page's axes swapped, swapped back: rows become columns. */
function transposed(layout: Layout): Layout {
  const swap = (r: Rect): Rect => ({ x: r.y, y: r.x, width: r.height, height: r.width });
  return {
    page: transpose(layout.page),
    trims: layout.trims.map((t) => ({ trim: swap(t.trim), sideways: t.sideways })),
    ...(layout.split ? { split: { x1: layout.split.y1, y1: layout.split.x1, x2: layout.split.y2, y2: layout.split.x2 } } : {}),
  };
}

/**
 * A turned slot as its card sees itself: upright in the page's top left corner (where
 * pdfmake lays it out without moving it to a next page), and the point to turn it about, by
 * the slot's turn clockwise, so that it lands in its slot.
 */
export function uprightSlot(slot: Slot): { slot: Slot; origin: { x: number; y: number } } {
  const t = slot.trim;
  const bleed = t.x - slot.bleed.x;
  const trim = { x: bleed, y: bleed, width: t.height, height: t.width };
  // The corner that the upright card's top left corner must land on, and the vector d to it.
  const target = slot.turn === 90 ? { x: t.x + t.width, y: t.y } : { x: t.x, y: t.y + t.height };
  const d = { x: target.x - trim.x, y: target.y - trim.y };
  // A quarter turn about the origin o takes v to v + d when v − o is (a, b) as below.
  const [a, b] = slot.turn === 90 ? [(d.y - d.x) / 2, -(d.x + d.y) / 2] : [-(d.x + d.y) / 2, (d.x - d.y) / 2];
  return {
    slot: { trim, bleed: { x: 0, y: 0, width: trim.width + 2 * bleed, height: trim.height + 2 * bleed }, turn: 0 },
    origin: { x: trim.x - a, y: trim.y - b },
  };
}

/**
 * Seen through the sheet from the front, a long-edge flip mirrors the back left to right and
 * a short-edge flip top to bottom. A card is turned over like a book page (left to right),
 * so the back page is turned against the front's turn, plus half a turn for a short-edge flip.
 */
export function backTurn(frontTurn: Turn, duplex: Duplex): Turn {
  const turn = (duplex === 'short' ? 180 - frontTurn : -frontTurn) + 360;
  return (turn % 360) as Turn;
}

/**
 * Cut lines that run the full length of every cut, from printer margin to printer margin:
 * along each card's edges (on the waste side of the trim, so a clean cut removes them),
 * through the gutters and out into the margins. Whatever was cut before, the piece in hand
 * still carries the line of its next cut. Where the sheet is first split in two, each part
 * has lines of its own that stop at the split.
 */
export function cutLines(sheet: SheetImposition, slots: Slot[]): Line[] {
  const { page, margin, split } = sheet;
  const printable: Rect = { x: margin, y: margin, width: page.width - 2 * margin, height: page.height - 2 * margin };
  if (!split) return linesWithin(printable, slots);
  const across = split.y1 === split.y2;
  const [first, second] = across
    ? [{ ...printable, height: split.y1 - margin }, { ...printable, y: split.y1, height: page.height - margin - split.y1 }]
    : [{ ...printable, width: split.x1 - margin }, { ...printable, x: split.x1, width: page.width - margin - split.x1 }];
  const before = (s: Slot) => (across ? s.bleed.y < split.y1 : s.bleed.x < split.x1);
  return [...linesWithin(first, slots.filter(before)), ...linesWithin(second, slots.filter((s) => !before(s)))];
}

function linesWithin(region: Rect, slots: Slot[]): Line[] {
  const lines: Line[] = [];
  for (const { at, side } of edges(slots, (t) => [t.x, t.x + t.width])) {
    const x = at + side * (CUT_LINE_MM / 2);
    lines.push({ x1: x, y1: region.y, x2: x, y2: region.y + region.height });
  }
  for (const { at, side } of edges(slots, (t) => [t.y, t.y + t.height])) {
    const y = at + side * (CUT_LINE_MM / 2);
    lines.push({ x1: region.x, y1: y, x2: region.x + region.width, y2: y });
  }
  return lines;
}

/**
 * The distinct trim edges along one axis, each with the side its waste lies on: -1 before
 * the edge, +1 after it, 0 where two cards meet without bleed and the line must straddle.
 */
function edges(slots: Slot[], ends: (t: Rect) => [number, number]): Array<{ at: number; side: -1 | 0 | 1 }> {
  const found = new Map<number, Set<-1 | 1>>();
  for (const s of slots) {
    const [start, end] = ends(s.trim);
    for (const [at, side] of [[start, -1], [end, 1]] as const) {
      const key = Math.round(at * 1000) / 1000;
      if (!found.has(key)) found.set(key, new Set());
      found.get(key)!.add(side);
    }
  }
  return [...found].sort((p, q) => p[0] - q[0]).map(([at, sides]) => ({ at, side: sides.size === 2 ? 0 : [...sides][0]! }));
}
