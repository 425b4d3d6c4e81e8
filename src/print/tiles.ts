import type { Rect } from './imposition.js';
import type { PaperName, PosterName, Size } from './paper.js';
import { PAPER } from './paper.js';

/**
 * A poster printed in parts on office paper: sheets laid in a grid, each printing its window
 * of the poster inside the printer's reach, neighbours sharing a strip so they can be glued.
 * Every length in millimetres, in the poster's coordinates (top left of the whole poster).
 */
export interface TileGrid {
  /** The poster as the sheets put it together. */
  poster: Size;
  /** The paper in the orientation the sheets are printed in. */
  sheet: Size;
  columns: number;
  rows: number;
  /** The strip neighbours share: the sheet on top is cut at its start and glued over it. */
  overlap: number;
  tiles: Tile[];
}

export interface Tile {
  column: number;
  row: number;
  /** The part of the poster this sheet prints. */
  window: Rect;
  /** The whole sheet, placed over the poster: the window plus the paper's unprintable margin. */
  paper: Rect;
  /** Shared strips this sheet shows and the next sheet covers: its glue areas (right, bottom). */
  glue: Rect[];
  /** Edges where this sheet is cut and laid over the sheet before it (left, top), as lines. */
  cuts: Array<{ x1: number; y1: number; x2: number; y2: number }>;
}

/** Glue strip between neighbouring sheets: wide enough to hold and to hide a slightly crooked cut. */
export const TILE_OVERLAP_MM = 10;

/**
 * How many sheets each poster takes, and which way round: the grid whose poster is closest
 * to the A-series' proportions with the fewest sheets (A3 on two, A2 on four, A1 on eight).
 */
const GRIDS: Record<PosterName, { columns: number; rows: number; landscape: boolean }> = {
  a3: { columns: 1, rows: 2, landscape: true },
  a2: { columns: 2, rows: 2, landscape: false },
  a1: { columns: 2, rows: 4, landscape: true },
};

export function tileGrid(poster: PosterName, paper: PaperName, printerMargin: number, overlap = TILE_OVERLAP_MM): TileGrid {
  const { columns, rows, landscape } = GRIDS[poster];
  const p = PAPER[paper];
  const sheet = landscape ? { width: p.height, height: p.width } : { width: p.width, height: p.height };
  const reach = { width: sheet.width - 2 * printerMargin, height: sheet.height - 2 * printerMargin };
  const step = { x: reach.width - overlap, y: reach.height - overlap };
  const tiles: Tile[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const window = { x: column * step.x, y: row * step.y, width: reach.width, height: reach.height };
      const right = window.x + window.width;
      const bottom = window.y + window.height;
      tiles.push({
        column,
        row,
        window,
        paper: { x: window.x - printerMargin, y: window.y - printerMargin, width: sheet.width, height: sheet.height },
        glue: [
          ...(column < columns - 1 ? [{ x: right - overlap, y: window.y, width: overlap, height: window.height }] : []),
          ...(row < rows - 1 ? [{ x: window.x, y: bottom - overlap, width: window.width, height: overlap }] : []),
        ],
        cuts: [
          ...(column > 0 ? [{ x1: window.x, y1: window.y, x2: window.x, y2: bottom }] : []),
          ...(row > 0 ? [{ x1: window.x, y1: window.y, x2: right, y2: window.y }] : []),
        ],
      });
    }
  }
  const last = tiles[tiles.length - 1]!.window;
  return { poster: { width: last.x + last.width, height: last.y + last.height }, sheet, columns, rows, overlap, tiles };
}
