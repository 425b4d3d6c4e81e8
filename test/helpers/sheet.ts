import { imposeSheet, type Rect } from '../../src/print/imposition.js';
import { PAPER, parseCardSize, type PaperName } from '../../src/print/paper.js';

/** A rectangle as shown on the paper, millimetres from the top left. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Axis = 'x' | 'y';

/** A cut across the whole piece: vertical at x = at, or horizontal at y = at. */
export interface Cut {
  axis: Axis;
  at: number;
}

/**
 * Where the planned cards sit on a front sheet as a person holds it (after the page's
 * turn), and the split that parts upright from turned cards: the plan, for tests to compare
 * with what the PDF shows.
 */
export function plannedSheet(paper: PaperName, size: string, margin = 4.2, bleed = 3): { cards: Box[]; split?: Cut } {
  const grid = imposeSheet(PAPER[paper], parseCardSize(size), bleed, 'long', margin);
  const shown = (r: Rect): Box => {
    if (grid.frontTurn === 0) return { x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height };
    if (grid.frontTurn === 90) return { x0: grid.page.height - r.y - r.height, y0: r.x, x1: grid.page.height - r.y, y1: r.x + r.width };
    throw new Error(`front pages are turned 0 or 90 degrees, not ${grid.frontTurn}`);
  };
  const cards = grid.fronts.map((s) => shown(s.trim));
  const split = grid.split;
  if (!split) return { cards };
  // Split sheets are never turned as a whole, so the page is the paper as shown.
  return { cards, split: split.x1 === split.x2 ? { axis: 'x', at: split.x1 } : { axis: 'y', at: split.y1 } };
}

export function contains(b: Box, x: number, y: number): boolean {
  return x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1;
}
