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

export interface Slot {
  row: number;
  column: number;
  /** The card's final size after cutting. */
  trim: Rect;
  /** Trim plus bleed on every side: what colour must cover so a cut never shows white. */
  bleed: Rect;
}

/** Where cards go on a sheet of paper, front and back, and where to cut. */
export interface SheetImposition {
  paper: Size;
  card: Size;
  bleed: number;
  rows: number;
  columns: number;
  fronts: Slot[];
  /** `backs[i]` is the slot on the back sheet that lies behind `fronts[i]` after duplex printing. */
  backs: Slot[];
}

const MARK_LENGTH_MM = 5;
/** Marks stop short of the trim so a slightly skewed cut never shows a line on the card. */
const MARK_OFFSET_MM = 1;

/**
 * Cards sit in a centred grid. Neighbours are 2 × bleed apart so each card keeps its full
 * bleed.
 */
export function imposeSheet(paper: Size, card: Size, bleed: number, duplex: Duplex): SheetImposition {
  const cellW = card.width + 2 * bleed;
  const cellH = card.height + 2 * bleed;
  const columns = Math.floor(paper.width / cellW);
  const rows = Math.floor(paper.height / cellH);
  if (columns < 1 || rows < 1) {
    throw new UsageError(
      `A ${card.width}×${card.height} mm card with ${bleed} mm bleed does not fit on ${paper.width}×${paper.height} mm paper. Choose a smaller --card-size or --bleed.`,
    );
  }
  const left = (paper.width - columns * cellW) / 2;
  const top = (paper.height - rows * cellH) / 2;
  const slotAt = (row: number, column: number): Slot => {
    const bleedRect = { x: left + column * cellW, y: top + row * cellH, width: cellW, height: cellH };
    return {
      row,
      column,
      bleed: bleedRect,
      trim: { x: bleedRect.x + bleed, y: bleedRect.y + bleed, width: card.width, height: card.height },
    };
  };
  const fronts: Slot[] = [];
  const backs: Slot[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      fronts.push(slotAt(row, column));
      backs.push(slotAt(duplex === 'short' ? rows - 1 - row : row, duplex === 'long' ? columns - 1 - column : column));
    }
  }
  return { paper, card, bleed, rows, columns, fronts, backs };
}

/** Short lines along each cut line of the given cards, in the margins and gutters, never inside a card. */
export function cropMarks(paper: Size, slots: Slot[]): Line[] {
  const xs = unique(slots.flatMap((s) => [s.trim.x, s.trim.x + s.trim.width]));
  const ys = unique(slots.flatMap((s) => [s.trim.y, s.trim.y + s.trim.height]));
  const trims = slots.map((s) => s.trim);
  const marks: Line[] = [];
  for (const x of xs) {
    for (const [a, b] of freeSpans(paper.height, trims.filter((t) => within(x, t.x, t.x + t.width)).map((t) => [t.y, t.y + t.height]))) {
      for (const [from, to] of markSpans(a, b, paper.height)) marks.push({ x1: x, y1: from, x2: x, y2: to });
    }
  }
  for (const y of ys) {
    for (const [a, b] of freeSpans(paper.width, trims.filter((t) => within(y, t.y, t.y + t.height)).map((t) => [t.x, t.x + t.width]))) {
      for (const [from, to] of markSpans(a, b, paper.width)) marks.push({ x1: from, y1: y, x2: to, y2: y });
    }
  }
  return marks;
}

/** The stretches of a cut line from the paper edge to the paper edge that no card covers. */
function freeSpans(length: number, covered: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...covered].sort((p, q) => p[0] - q[0]);
  const spans: Array<[number, number]> = [];
  let at = 0;
  for (const [a, b] of sorted) {
    if (a > at) spans.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < length) spans.push([at, length]);
  return spans;
}

/**
 * Inside a free span, a mark grows out of each card edge that bounds it: at most
 * MARK_LENGTH_MM long and never closer than MARK_OFFSET_MM to a card.
 */
function markSpans(a: number, b: number, length: number): Array<[number, number]> {
  const fromStart = a > 0; // a card edge at a
  const fromEnd = b < length; // a card edge at b
  const free = b - a - (fromStart ? MARK_OFFSET_MM : 0) - (fromEnd ? MARK_OFFSET_MM : 0);
  if (free <= 0.5) return [];
  if (fromStart && fromEnd) {
    if (free <= 2 * MARK_LENGTH_MM) return [[a + MARK_OFFSET_MM, b - MARK_OFFSET_MM]];
    return [
      [a + MARK_OFFSET_MM, a + MARK_OFFSET_MM + MARK_LENGTH_MM],
      [b - MARK_OFFSET_MM - MARK_LENGTH_MM, b - MARK_OFFSET_MM],
    ];
  }
  if (fromStart) return [[a + MARK_OFFSET_MM, Math.min(b, a + MARK_OFFSET_MM + MARK_LENGTH_MM)]];
  if (fromEnd) return [[Math.max(a, b - MARK_OFFSET_MM - MARK_LENGTH_MM), b - MARK_OFFSET_MM]];
  return [];
}

/** Cut positions are rounded to a micrometre, so compare with that tolerance. */
function within(v: number, from: number, to: number): boolean {
  return v >= from - 1e-6 && v <= to + 1e-6;
}

function unique(values: number[]): number[] {
  return [...new Set(values.map((v) => Math.round(v * 1000) / 1000))].sort((p, q) => p - q);
}
