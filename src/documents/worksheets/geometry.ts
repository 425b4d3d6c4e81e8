import type { Rect } from '../../print/imposition.js';
import type { Size } from '../../print/paper.js';
import { SheetSpaceError } from '../../errors.js';

/**
 * Where a worksheet's writing fields go, in millimetres from the page's top left. Pure
 * functions of the page, the measured text heights and the layout's spacing, so tests can
 * check every field of every sheet without reading a PDF.
 */

export interface WritingField {
  /** The prompt, map field or table the field belongs to. */
  id: string;
  kind: 'lines' | 'box' | 'ellipse' | 'table';
  rect: Rect;
  /** Lines: the y of each writing line. Table: the y of each row boundary below the head row. */
  rules: number[];
  /** Table: the x of each inner column boundary. */
  columns: number[];
}

/** Slot ids of the blocks every sheet has; '#' keeps them apart from content ids. */
export const HEADER = '#header';
export const CENTRE = '#centre';

/** A text block and the box it must stay inside. */
export interface TextSlot {
  id: string;
  rect: Rect;
}

export interface SheetGeometry {
  /** The page inside its margins: nothing is drawn outside it. */
  area: Rect;
  texts: TextSlot[];
  fields: WritingField[];
}

/** Spacing a layout sets for ruled sheets (millimetres). */
export interface LinesSpec {
  /** The line pitch the designer wants; the actual pitch is stretched so the lines end at the bottom margin. */
  pitch: number;
  /** Handwriting needs at least this much between lines. */
  minPitch: number;
  /** Every prompt gets at least this many lines, or the sheet is refused. */
  minLines: number;
  /** Between the last line of one prompt and the next prompt. */
  gap: number;
}

export type MapSlot = 'top' | 'bottom' | 'left' | 'right';

export interface MapSpec {
  gap: number;
  centreWidth: number;
  /** Share of the map's height that the middle row (side fields and centre) takes. */
  middleShare: number;
  /** Which slot each field takes, in the order the content lists the fields. */
  slots: MapSlot[];
  /** Between a field's edge and its label. */
  padding: number;
  labelHeight: number;
  /** How far above the centre's middle its label starts, as a share of the half-height. */
  centreLabelRise: number;
}

export interface TableSpec {
  /** Between a cell's edge and its head text. */
  padding: number;
  minRowHeight: number;
  /** Width of the first column relative to each of the others. */
  firstColumn: number;
}

/** A sheet's geometry, its failure naming the document and language it was laid out for. */
export function inDocument<T>(document: string, language: string, lay: () => T): T {
  try {
    return lay();
  } catch (err) {
    throw err instanceof SheetSpaceError ? err.inDocument(document, language) : err;
  }
}

export function contentArea(page: Size, margins: [number, number, number, number]): Rect {
  const [top, right, bottom, left] = margins;
  return { x: left, y: top, width: page.width - left - right, height: page.height - top - bottom };
}

/** The part of the area below the header block. */
function below(area: Rect, headerHeight: number, headerGap: number): Rect {
  const top = area.y + headerHeight + headerGap;
  return { x: area.x, y: top, width: area.width, height: area.y + area.height - top };
}

/**
 * Each prompt followed by ruled lines. The free height is divided into whole lines at one
 * shared pitch, close to the designer's and never below the minimum, so the last line lies
 * exactly on the bottom margin; lines left over after an even share go to the last prompts,
 * where sheets put their conclusion.
 */
export function linesGeometry(sheet: string, area: Rect, header: number, headerGap: number, prompts: Array<{ id: string; height: number }>, spec: LinesSpec): SheetGeometry {
  const room = below(area, header, headerGap);
  const n = prompts.length;
  if (n === 0) throw new SheetSpaceError(sheet, 'a ruled sheet needs at least one prompt to write under.');
  const free = room.height - prompts.reduce((s, p) => s + p.height, 0) - spec.gap * (n - 1);
  let lines = Math.max(1, Math.round(free / spec.pitch));
  if (free / lines < spec.minPitch) lines = Math.floor(free / spec.minPitch);
  if (lines < n * spec.minLines) {
    throw new SheetSpaceError(sheet, `its header and texts leave room for ${Math.max(0, lines)} writing lines, and it needs ${spec.minLines} under each of its ${n} texts.`);
  }
  const pitch = free / lines;
  const base = Math.floor(lines / n);
  const extra = lines - base * n;
  const texts: TextSlot[] = [{ id: HEADER, rect: { ...area, height: header } }];
  const fields: WritingField[] = [];
  let y = room.y;
  prompts.forEach((p, i) => {
    const count = base + (i >= n - extra ? 1 : 0);
    texts.push({ id: p.id, rect: { x: room.x, y, width: room.width, height: p.height } });
    const top = y + p.height;
    fields.push({
      id: p.id,
      kind: 'lines',
      rect: { x: room.x, y: top, width: room.width, height: count * pitch },
      rules: Array.from({ length: count }, (_, k) => top + (k + 1) * pitch),
      columns: [],
    });
    y = top + count * pitch + spec.gap;
  });
  return { area, texts, fields };
}

/**
 * The core task in a centre ellipse with the fields around it: full-width bands above and
 * below, narrower fields either side of the centre.
 */
export function mapGeometry(sheet: string, area: Rect, header: number, headerGap: number, fieldIds: string[], spec: MapSpec): SheetGeometry {
  if (fieldIds.length > spec.slots.length) {
    throw new SheetSpaceError(sheet, `the map has room for ${spec.slots.length} fields around the centre, and the content names ${fieldIds.length}.`);
  }
  const room = below(area, header, headerGap);
  const middle = room.height * spec.middleShare;
  const band = (room.height - middle - 2 * spec.gap) / 2;
  const side = (room.width - spec.centreWidth - 2 * spec.gap) / 2;
  if (band <= 0 || side <= 0) throw new SheetSpaceError(sheet, 'the header leaves no room for the map.');
  const middleY = room.y + band + spec.gap;
  const slot: Record<MapSlot, Rect> = {
    top: { x: room.x, y: room.y, width: room.width, height: band },
    bottom: { x: room.x, y: middleY + middle + spec.gap, width: room.width, height: band },
    left: { x: room.x, y: middleY, width: side, height: middle },
    right: { x: room.x + side + 2 * spec.gap + spec.centreWidth, y: middleY, width: side, height: middle },
  };
  const centre: WritingField = {
    id: CENTRE,
    kind: 'ellipse',
    rect: { x: room.x + side + spec.gap, y: middleY, width: spec.centreWidth, height: middle },
    rules: [],
    columns: [],
  };
  const fields: WritingField[] = fieldIds.map((id, i) => ({ id, kind: 'box', rect: slot[spec.slots[i]!], rules: [], columns: [] }));
  const labels: TextSlot[] = fields.map((f) => ({ id: f.id, rect: inset(f.rect, spec.padding, spec.labelHeight) }));
  // The centre label sits in the ellipse's upper part, as wide as the ellipse is at its top edge.
  const c = centre.rect;
  const rise = spec.centreLabelRise * (c.height / 2);
  const chord = c.width * Math.sqrt(1 - spec.centreLabelRise ** 2) - 2 * spec.padding;
  const centreLabel: TextSlot = { id: CENTRE, rect: { x: c.x + (c.width - chord) / 2, y: c.y + c.height / 2 - rise, width: chord, height: spec.labelHeight } };
  return { area, texts: [{ id: HEADER, rect: { ...area, height: header } }, centreLabel, ...labels], fields: [centre, ...fields] };
}

/** The columns of a table sheet: the first one narrower or wider than the others, which share the rest. */
export function tableColumns(area: Rect, count: number, spec: TableSpec): Array<{ x: number; width: number }> {
  const unit = area.width / (spec.firstColumn + count - 1);
  return Array.from({ length: count }, (_, i) => ({
    x: area.x + (i === 0 ? 0 : unit * (spec.firstColumn + i - 1)),
    width: i === 0 ? unit * spec.firstColumn : unit,
  }));
}

/**
 * A ruled table: a head row as tall as its tallest head, then as many rows of at least the
 * minimum height as fit, stretched to end on the bottom margin.
 */
export function tableGeometry(sheet: string, area: Rect, header: number, headerGap: number, heads: Array<{ id: string; height: number }>, spec: TableSpec): SheetGeometry {
  if (heads.length === 0) throw new SheetSpaceError(sheet, 'a table sheet needs column heads (fields).');
  const room = below(area, header, headerGap);
  const headHeight = Math.max(...heads.map((h) => h.height)) + 2 * spec.padding;
  const bodyHeight = room.height - headHeight;
  const rows = Math.floor(bodyHeight / spec.minRowHeight);
  if (rows < 1) throw new SheetSpaceError(sheet, 'the header leaves no room for a table row.');
  const rowHeight = bodyHeight / rows;
  const columns = tableColumns(area, heads.length, spec);
  return {
    area,
    texts: [
      { id: HEADER, rect: { ...area, height: header } },
      ...heads.map((h, i) => ({ id: h.id, rect: inset({ x: columns[i]!.x, y: room.y, width: columns[i]!.width, height: headHeight }, spec.padding, h.height) })),
    ],
    fields: [
      {
        id: sheet,
        kind: 'table',
        rect: room,
        rules: Array.from({ length: rows }, (_, k) => room.y + headHeight + k * rowHeight),
        columns: columns.slice(1).map((c) => c.x),
      },
    ],
  };
}

/** The top of `r` inside `padding` on every side, `height` tall. */
function inset(r: Rect, padding: number, height: number): Rect {
  return { x: r.x + padding, y: r.y + padding, width: r.width - 2 * padding, height };
}
