import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import type { Rect } from '../../print/imposition.js';
import type { PaperName } from '../../print/paper.js';
import type { TileGrid, Tile } from '../../print/tiles.js';
import { mm, PT_PER_MM } from '../../print/units.js';
import { fitBoxes } from '../../render/fit.js';
import type { PdfRequest } from '../../render/render.js';
import { rect } from '../cards/faces.js';
import { regionOf, textAt, type Region } from '../wheel/place.js';

/** Grey of the glue strips: light enough to see the poster through, dark enough to find. */
const GLUE = { colour: '#000000', opacity: 0.18 };
const CUT_DASH = { length: mm(2), space: mm(1.5) };

/**
 * The poster as sheets of office paper: a first sheet saying how they go together, then one
 * page per tile. Every page lays out the whole poster; each shows the paper its own part of
 * it (pageWindows), with the sheet's unprintable margin left white.
 */
export function tiledPages(loc: Localization, grid: TileGrid, paper: PaperName, poster: () => Content[], document: string): Omit<PdfRequest, 'meta'> {
  const count = grid.tiles.length;
  const guide = guidePage(loc, grid, paper, document);
  // pdfmake writes its measures into the nodes it lays out: each page gets nodes of its own.
  const tiles = grid.tiles.map((tile, i) => [...structuredClone(poster()), ...margins(tile), ...marks(tile), sheetLabel(loc, grid, tile, i + 1, count)]);
  const pages = [guide.nodes, ...tiles];
  return {
    page: grid.poster,
    // A reader reads the poster once, on the first sheet: the copies the other sheets show are artifacts.
    content: pages.map((nodes, i) => ({ stack: nodes, ...(i > 0 ? { pageBreak: 'before' as const } : {}), ...(i > 1 ? { tag: 'Artifact' } : {}) })) as Content[],
    pageWindows: [guide.paper, ...grid.tiles.map((t) => t.paper)],
  };
}

/** Glue strips this sheet lends its neighbours, and the dashed lines it is trimmed along. */
function marks(tile: Tile): Content[] {
  const glue = tile.glue.map((g) => ({ type: 'rect', x: mm(g.x), y: mm(g.y), w: mm(g.width), h: mm(g.height), color: GLUE.colour, fillOpacity: GLUE.opacity }));
  const cuts = tile.cuts.map((c) => ({ type: 'line', x1: mm(c.x1), y1: mm(c.y1), x2: mm(c.x2), y2: mm(c.y2), lineWidth: 0.6, lineColor: '#000000', dash: CUT_DASH }));
  return [{ canvas: [...glue, ...cuts], absolutePosition: { x: 0, y: 0 } } as Content];
}

/** White over the strips of paper the printer cannot reach, so no sheet shows a neighbour's part there. */
function margins(tile: Tile): Content[] {
  const { paper: p, window: w } = tile;
  const strips: Rect[] = [
    { x: p.x, y: p.y, width: p.width, height: w.y - p.y },
    { x: p.x, y: w.y + w.height, width: p.width, height: p.y + p.height - (w.y + w.height) },
    { x: p.x, y: p.y, width: w.x - p.x, height: p.height },
    { x: w.x + w.width, y: p.y, width: p.x + p.width - (w.x + w.width), height: p.height },
  ];
  return strips.filter((s) => s.width > 0 && s.height > 0).map((s) => rect(s, '#FFFFFF'));
}

/**
 * "Sheet 2 of 4" on the sheet's edge that is also the poster's, in the poster's own white
 * margin: in the middle of a side for a sheet that has only one outer edge.
 */
function sheetLabel(loc: Localization, grid: TileGrid, tile: Tile, number: number, count: number): Content {
  const w = tile.window;
  const inset = 1.5;
  const width = 45;
  const along = (index: number, last: number, start: number, size: number, box: number): number =>
    index === 0 ? start + inset : index === last ? start + size - inset - box : start + (size - box) / 2;
  const x = along(tile.column, grid.columns - 1, w.x, w.width, width);
  const y = along(tile.row, grid.rows - 1, w.y, w.height, 3);
  const alignment = tile.column === 0 ? 'left' : tile.column === grid.columns - 1 ? 'right' : 'center';
  // Page furniture, like a page number: not read.
  return { tag: 'Artifact', columns: [{ width: mm(width), text: loc.t('poster.tiles.sheet', { number, total: count }), fontSize: 7, color: '#555555', alignment }], absolutePosition: { x: mm(x), y: mm(y) } } as Content;
}

/** The first sheet: how to print, trim and glue, above a drawing of the sheets as they lie together. */
function guidePage(loc: Localization, grid: TileGrid, paper: PaperName, document: string): { paper: Rect; nodes: Content[] } {
  const page: Rect = { x: 0, y: 0, width: Math.min(grid.sheet.width, grid.sheet.height), height: Math.max(grid.sheet.width, grid.sheet.height) };
  const margin = 20;
  const text: Rect = { x: margin, y: margin, width: page.width - 2 * margin, height: 100 };
  const cm = (v: number) => loc.formatNumber(Math.round(v) / 10);
  const layout = runLayout<Region>(
    'poster-tiles.hbs',
    { width: cm(grid.poster.width), height: cm(grid.poster.height), sheets: loc.t('poster.tiles.sheets', { count: grid.tiles.length }), paper: paper === 'a4' ? 'A4' : 'US Letter' },
    loc.t,
  );
  const fitted = fitBoxes([{ id: 'tiles', width: mm(text.width), height: mm(text.height), ...regionOf(layout) }], document, loc.language).get('tiles')!;
  const top = text.y + fitted.height / PT_PER_MM + 10;
  const room = { width: page.width - 2 * margin, height: page.height - top - margin };
  const scale = Math.min(room.width / grid.poster.width, room.height / grid.poster.height);
  const origin = { x: margin + (room.width - grid.poster.width * scale) / 2, y: top };
  const at = (r: Rect): Rect => ({ x: origin.x + r.x * scale, y: origin.y + r.y * scale, width: r.width * scale, height: r.height * scale });
  const shapes = grid.tiles.flatMap((tile) => {
    const w = at(tile.window);
    return [
      { type: 'rect', x: mm(w.x), y: mm(w.y), w: mm(w.width), h: mm(w.height), lineWidth: 1, lineColor: '#1A1A1A' },
      ...tile.glue.map(at).map((g) => ({ type: 'rect', x: mm(g.x), y: mm(g.y), w: mm(g.width), h: mm(g.height), color: GLUE.colour, fillOpacity: GLUE.opacity })),
      ...tile.cuts.map((c) => ({ type: 'line', x1: mm(origin.x + c.x1 * scale), y1: mm(origin.y + c.y1 * scale), x2: mm(origin.x + c.x2 * scale), y2: mm(origin.y + c.y2 * scale), lineWidth: 1, lineColor: '#000000', dash: CUT_DASH })),
    ];
  });
  const numbers = grid.tiles.map((tile, i) => {
    const w = at(tile.window);
    // The drawing's numbers belong to the drawing, which the steps above say in words: not read.
    return { tag: 'Artifact', columns: [{ width: mm(w.width), text: loc.formatNumber(i + 1), fontSize: 28, bold: true, color: '#1A1A1A', alignment: 'center' }], absolutePosition: { x: mm(w.x), y: mm(w.y + w.height / 2 - 5) } } as Content;
  });
  return { paper: page, nodes: [textAt(text, fitted), { canvas: shapes, absolutePosition: { x: 0, y: 0 } } as Content, ...numbers] };
}
