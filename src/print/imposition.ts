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
  row: number;
  column: number;
  /** The card's final size after cutting. */
  trim: Rect;
  /** Trim plus bleed on every side: what colour must cover so a cut never shows white. */
  bleed: Rect;
}

/** Where cards go on a sheet of paper, front and back, and where to cut. */
export interface SheetImposition {
  /** The sheet as it comes out of the printer, upright. */
  paper: Size;
  /**
   * The page the cards are laid out on: the paper itself, or the paper on its side when the
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
  rows: number;
  columns: number;
  fronts: Slot[];
  /** `backs[i]` is the slot on the back page that lies behind `fronts[i]` after duplex printing. */
  backs: Slot[];
}

/** Stroke width of the cut lines, millimetres (0.3 pt). */
export const CUT_LINE_MM = 0.3 / (72 / 25.4);

/**
 * The layout that puts the most cards on one sheet: a grid of upright cards, or of cards
 * turned a quarter (the page is then laid out on its side and turned back with /Rotate).
 * Neighbours are 2 × bleed apart so each card keeps its full bleed, and every card's bleed
 * stays inside the printable area, `margin` from the paper's edge.
 */
export function imposeSheet(paper: Size, card: Size, bleed: number, duplex: Duplex, margin: number): SheetImposition {
  const upright = grid(paper, card, bleed, margin);
  const sideways = grid({ width: paper.height, height: paper.width }, card, bleed, margin);
  // Sideways only when it holds more: upright cards are easier to check against the screen.
  const turned = sideways.rows * sideways.columns > upright.rows * upright.columns;
  const { page, rows, columns } = turned ? sideways : upright;
  if (columns < 1 || rows < 1) {
    throw new UsageError(
      `A ${card.width}×${card.height} mm card with ${bleed} mm bleed does not fit inside the printable area of ${paper.width}×${paper.height} mm paper (${margin} mm printer margin). Choose a smaller --card-size, --bleed or --printer-margin.`,
    );
  }
  const cellW = card.width + 2 * bleed;
  const cellH = card.height + 2 * bleed;
  const left = (page.width - columns * cellW) / 2;
  const top = (page.height - rows * cellH) / 2;
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
      // Mirrored columns for either flip: the back page's turn makes up the difference.
      backs.push(slotAt(row, columns - 1 - column));
    }
  }
  const frontTurn: Turn = turned ? 90 : 0;
  return { paper, page, frontTurn, backTurn: backTurn(frontTurn, duplex), card, bleed, margin, rows, columns, fronts, backs };
}

function grid(page: Size, card: Size, bleed: number, margin: number): { page: Size; rows: number; columns: number } {
  const fit = (length: number, cell: number) => Math.max(0, Math.floor((length - 2 * margin + 1e-9) / cell));
  return { page, columns: fit(page.width, card.width + 2 * bleed), rows: fit(page.height, card.height + 2 * bleed) };
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
 * still carries the line of its next cut.
 */
export function cutLines(page: Size, margin: number, slots: Slot[]): Line[] {
  const lines: Line[] = [];
  for (const { at, side } of edges(slots, (t) => [t.x, t.x + t.width])) {
    const x = at + side * (CUT_LINE_MM / 2);
    lines.push({ x1: x, y1: margin, x2: x, y2: page.height - margin });
  }
  for (const { at, side } of edges(slots, (t) => [t.y, t.y + t.height])) {
    const y = at + side * (CUT_LINE_MM / 2);
    lines.push({ x1: margin, y1: y, x2: page.width - margin, y2: y });
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
