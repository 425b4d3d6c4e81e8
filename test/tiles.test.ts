import { beforeAll, describe, expect, it } from 'vitest';
import { PAPER, POSTER_CHOICES, PAPER_CHOICES } from '../src/print/paper.js';
import { tileGrid, TILE_OVERLAP_MM, type TileGrid } from '../src/print/tiles.js';
import { PT_PER_MM } from '../src/print/units.js';
import { builtPdf } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { loadKit } from '../src/content/load.js';
import { allActors } from '../src/content/model.js';
import { normalize, type PdfFile } from './helpers/pdf.js';

const MARGIN = 4.2;
const kit = loadKit(CONTENT);
const SHEETS = { a3: 2, a2: 4, a1: 8 };

/** The x (or y) ranges the tiles cover, merged: one range from 0 to the poster's size when nothing is missing. */
function covered(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1e-9) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

describe.each(POSTER_CHOICES.flatMap((poster) => PAPER_CHOICES.map((paper) => [poster, paper] as const)))('the %s poster tiled on %s', (poster, paper) => {
  const grid: TileGrid = tileGrid(poster, paper, MARGIN);

  it('takes the fewest sheets, each a whole sheet of the office paper', () => {
    expect(grid.tiles).toHaveLength(SHEETS[poster]);
    const p = PAPER[paper];
    for (const t of grid.tiles) expect([t.paper.width, t.paper.height].sort()).toEqual([p.width, p.height].sort());
  });

  it('prints each part inside the printer\'s reach', () => {
    for (const t of grid.tiles) {
      expect(t.window.x - t.paper.x).toBeCloseTo(MARGIN, 6);
      expect(t.window.y - t.paper.y).toBeCloseTo(MARGIN, 6);
      expect(t.paper.x + t.paper.width - (t.window.x + t.window.width)).toBeCloseTo(MARGIN, 6);
      expect(t.paper.y + t.paper.height - (t.window.y + t.window.height)).toBeCloseTo(MARGIN, 6);
    }
  });

  it('overlaps neighbours by the glue strip, the later sheet cut where the strip starts', () => {
    for (const t of grid.tiles) {
      const right = grid.tiles.find((n) => n.row === t.row && n.column === t.column + 1);
      const below = grid.tiles.find((n) => n.column === t.column && n.row === t.row + 1);
      if (right) {
        expect(t.window.x + t.window.width - right.window.x).toBeCloseTo(TILE_OVERLAP_MM, 6);
        expect(right.cuts.some((c) => c.x1 === right.window.x && c.x2 === right.window.x)).toBe(true);
        expect(t.glue.some((g) => g.x === right.window.x && g.width === TILE_OVERLAP_MM)).toBe(true);
      }
      if (below) {
        expect(t.window.y + t.window.height - below.window.y).toBeCloseTo(TILE_OVERLAP_MM, 6);
        expect(below.cuts.some((c) => c.y1 === below.window.y && c.y2 === below.window.y)).toBe(true);
        expect(t.glue.some((g) => g.y === below.window.y && g.height === TILE_OVERLAP_MM)).toBe(true);
      }
      // An outer edge is neither cut nor glued.
      if (t.column === 0) expect(t.cuts.some((c) => c.x1 === c.x2)).toBe(false);
      if (t.row === 0) expect(t.cuts.some((c) => c.y1 === c.y2)).toBe(false);
    }
  });

  it('reassembles the whole poster, with no gap, at a size close to the A-series\' proportions', () => {
    for (let row = 0; row < grid.rows; row++) {
      expect(covered(grid.tiles.filter((t) => t.row === row).map((t) => [t.window.x, t.window.x + t.window.width]))).toEqual([[0, grid.poster.width]]);
    }
    for (let column = 0; column < grid.columns; column++) {
      expect(covered(grid.tiles.filter((t) => t.column === column).map((t) => [t.window.y, t.window.y + t.window.height]))).toEqual([[0, grid.poster.height]]);
    }
    expect(grid.poster.height / grid.poster.width).toBeGreaterThan(1.3);
    expect(grid.poster.height / grid.poster.width).toBeLessThan(1.55);
  });
});

describe('the poster printed with --tile a4 --poster a2', () => {
  let pdf: PdfFile;
  const grid = tileGrid('a2', 'a4', MARGIN);
  beforeAll(async () => ({ pdf } = await builtPdf('poster', 'plakat-360.pdf', { poster: 'a2', tile: 'a4' })), 120_000);

  it('is a page saying how the sheets go together, then one A4 page per sheet', () => {
    expect(pdf.pages).toHaveLength(1 + grid.tiles.length);
    for (const p of pdf.pages) expect([p.width, p.height].map(Math.round).sort()).toEqual([595, 842]);
    expect(pdf.pages[0]!.text).toContain('Sådan sætter du plakaten sammen');
    expect(pdf.pages[0]!.text).toContain('4 ark A4');
    grid.tiles.forEach((_, i) => expect(pdf.pages[i + 1]!.text).toContain(`Ark ${i + 1} af 4`));
  });

  it('puts every text of the poster on a sheet, and the sheets agree where they overlap', () => {
    // A sheet's page shows its part of the poster: a text's place on the poster is its place on the sheet plus where the sheet lies.
    const onPoster = (i: number) => pdf.pages[i + 1]!.texts.map((t) => ({ str: t.str, x: t.x / PT_PER_MM + grid.tiles[i]!.paper.x, y: t.y / PT_PER_MM + grid.tiles[i]!.paper.y }));
    const inside = (r: { x: number; y: number; width: number; height: number }, t: { x: number; y: number }) => t.x >= r.x && t.x < r.x + r.width && t.y >= r.y && t.y < r.y + r.height;
    const shown = grid.tiles.flatMap((tile, i) => onPoster(i).filter((t) => inside(tile.window, t) && !/^Ark \d/.test(t.str)));
    // Every question starts on some sheet, inside the part that sheet shows.
    const lines = shown.map((t) => normalize(t.str).replace(/-$/, '')).filter((l) => l.length >= 8);
    for (const actor of allActors(kit)) {
      for (const q of [...actor.reflection, ...actor.dialogue]) expect(lines.some((l) => normalize(q.text).startsWith(l)), q.id).toBe(true);
    }
    // A text in a strip two sheets share is at the same place on the poster on both.
    grid.tiles.forEach((tile, i) => {
      grid.tiles.forEach((other, j) => {
        if (j <= i) return;
        const mine = onPoster(i).filter((t) => inside(tile.window, t) && inside(other.window, t));
        const theirs = onPoster(j).filter((t) => inside(tile.window, t) && inside(other.window, t));
        const key = (t: { str: string; x: number; y: number }) => `${t.str}@${t.x.toFixed(1)},${t.y.toFixed(1)}`;
        expect(new Set(theirs.map(key)), `sheets ${i + 1} and ${j + 1}`).toEqual(new Set(mine.map(key)));
      });
    });
    expect(shown.length).toBeGreaterThan(50);
  });
});
