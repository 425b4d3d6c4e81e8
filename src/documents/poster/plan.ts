import type { Rect } from '../../print/imposition.js';
import { mm, PT_PER_MM } from '../../print/units.js';
import { fitBoxes, type Fitted } from '../../render/fit.js';
import { regionOf, type Region } from '../wheel/place.js';
import type { PosterGrid, Row } from './grid.js';

/** What poster.hbs describes. Distances in millimetres. */
export interface PosterLayout {
  margin: number;
  gap: number;
  header: Region & { maxHeight: number };
  footer: Region & { height: number };
  wheel: { diameter: number };
  frame: { lineWidth: number };
  blocks: Block[];
}

export interface Block {
  id: string;
  colour: string;
  band: Region & { height: number; padding: number };
  body: Region & { padding: number };
}

export interface BlockPlan {
  grid: PosterGrid;
  layout: PosterLayout;
  cellOf(actorId: string): Rect;
  /** Fitted names (bandId) and questions (questionsId) of every block. */
  fitted: Map<string, Fitted>;
}

/** A height no block comes near, for measuring what a block's text needs (mm). */
const UNBOUNDED = 2000;

/** The smallest common type scale tried before leaving the rest to fitBoxes (which may refuse). */
const MIN_SCALE = 0.6;

/**
 * Blocks side by side read as one set only at one type size, so all blocks share one scale:
 * the largest at which every block's questions fit its cell, found by measuring (text rewraps,
 * so heights do not scale in proportion). The top and bottom rows then share their height by
 * what their fullest block needs, and what is left over is split evenly.
 */
export function planBlocks(
  layoutAt: (typeScale: number) => PosterLayout,
  gridAt: (topShare: number) => PosterGrid,
  cellIn: (grid: PosterGrid, actorId: string) => Rect,
  document: string,
  language: string,
): BlockPlan {
  const even = gridAt(0.5);
  const rowOf = (id: string): Row => (['top', 'middle', 'bottom'] as const).find((r) => even.rowY[r] === cellIn(even, id).y)!;
  const measure = (scale: number) => {
    const layout = layoutAt(scale);
    const natural = fitBlocks(layout.blocks, (id) => cellIn(even, id), document, language, UNBOUNDED);
    const need = (b: Block) => b.band.height + 2 * b.body.padding + natural.get(questionsId(b.id))!.height / PT_PER_MM;
    const rowNeed = (row: Row) => Math.max(0, ...layout.blocks.filter((b) => rowOf(b.id) === row).map(need));
    const top = rowNeed('top');
    const bottom = rowNeed('bottom');
    const middle = layout.blocks.filter((b) => rowOf(b.id) === 'middle');
    const fits = top + bottom <= even.outerRows && middle.every((b) => need(b) <= cellIn(even, b.id).height);
    return { fits, top, bottom };
  };

  let scale = 1;
  let rows = measure(scale);
  if (!rows.fits) {
    // Bisect between the floor (if it fits at all) and the largest scale that does not fit.
    let hi = 1;
    scale = MIN_SCALE;
    rows = measure(scale);
    for (let k = 0; k < 5 && rows.fits; k++) {
      const mid = (scale + hi) / 2;
      const at = measure(mid);
      if (at.fits) [scale, rows] = [mid, at];
      else hi = mid;
    }
  }
  const spare = Math.max(0, even.outerRows - rows.top - rows.bottom) / 2;
  const grid = gridAt(Math.min(0.75, Math.max(0.25, (rows.top + spare) / even.outerRows)));
  const layout = layoutAt(scale);
  const cellOf = (id: string) => cellIn(grid, id);
  return { grid, layout, cellOf, fitted: fitBlocks(layout.blocks, cellOf, document, language) };
}

export const bandId = (actorId: string) => `${actorId} (band)`;
export const questionsId = (actorId: string) => `${actorId} (questions)`;

/** Where a block's name and questions go inside its cell. */
export function blockAreas(block: Block, cell: Rect): { band: Rect; questions: Rect } {
  return {
    band: inset({ ...cell, height: block.band.height }, block.band.padding),
    questions: inset({ ...cell, y: cell.y + block.band.height, height: cell.height - block.band.height }, block.body.padding),
  };
}

/** Fits every block into its cell; with `height` (mm), measures what each block's questions need instead. */
function fitBlocks(blocks: Block[], cellOf: (id: string) => Rect, document: string, language: string, height?: number): Map<string, Fitted> {
  return fitBoxes(
    blocks.flatMap((block) => {
      const areas = blockAreas(block, cellOf(block.id));
      return [
        { id: bandId(block.id), width: mm(areas.band.width), height: mm(areas.band.height), ...regionOf(block.band) },
        { id: questionsId(block.id), width: mm(areas.questions.width), height: mm(height ?? areas.questions.height), ...regionOf(block.body) },
      ];
    }),
    document,
    language,
  );
}

function inset(r: Rect, by: number): Rect {
  return { x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by };
}
