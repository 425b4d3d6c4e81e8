import type { Content } from 'pdfmake/interfaces.js';
import { mm } from '../../print/units.js';
import type { WritingField } from './geometry.js';
import type { PlannedSheet } from './plan.js';

/** pdfmake nodes for one planned sheet: its fitted texts and its writing fields, placed absolutely. */
export function drawSheet(sheet: PlannedSheet): Content[] {
  const texts = sheet.geometry.texts.map((slot) => ({
    absolutePosition: { x: mm(slot.rect.x), y: mm(slot.rect.y) },
    columns: [{ width: mm(slot.rect.width), stack: sheet.texts.get(slot.id)!.content }],
    columnGap: 0,
  }));
  const shapes = sheet.geometry.fields.flatMap((field) => fieldShapes(field, sheet));
  // Fields first, so a table's tinted head row lies under its column heads.
  return [{ canvas: shapes, absolutePosition: { x: 0, y: 0 } }, ...texts] as Content[];
}

function fieldShapes(field: WritingField, sheet: PlannedSheet): object[] {
  const { rect } = field;
  const { lines, map, table } = sheet.layout;
  const hline = (y: number, stroke: { lineWidth: number; colour: string }) => ({
    type: 'line', x1: mm(rect.x), y1: mm(y), x2: mm(rect.x + rect.width), y2: mm(y), lineWidth: stroke.lineWidth, lineColor: stroke.colour,
  });
  switch (field.kind) {
    case 'lines':
      return field.rules.map((y) => hline(y, lines));
    case 'box':
      return [{ type: 'rect', x: mm(rect.x), y: mm(rect.y), w: mm(rect.width), h: mm(rect.height), r: mm(map.radius), lineWidth: map.lineWidth, lineColor: map.colour }];
    case 'ellipse':
      return [{ type: 'ellipse', x: mm(rect.x + rect.width / 2), y: mm(rect.y + rect.height / 2), r1: mm(rect.width / 2), r2: mm(rect.height / 2), lineWidth: map.centreLineWidth, lineColor: map.colour }];
    case 'table': {
      const headBottom = field.rules[0]!;
      return [
        { type: 'rect', x: mm(rect.x), y: mm(rect.y), w: mm(rect.width), h: mm(headBottom - rect.y), color: table.headFill, fillOpacity: table.headFillOpacity },
        ...field.rules.map((y) => hline(y, table)),
        ...field.columns.map((x) => ({ type: 'line', x1: mm(x), y1: mm(rect.y), x2: mm(x), y2: mm(rect.y + rect.height), lineWidth: table.lineWidth, lineColor: table.colour })),
        { type: 'rect', x: mm(rect.x), y: mm(rect.y), w: mm(rect.width), h: mm(rect.height), lineWidth: table.lineWidth, lineColor: table.colour },
      ];
    }
  }
}
