import { visitNodes, type NodeRecord } from './nodes.js';
import type { Direction } from './run-direction.js';

// Layouts are written left to right. A right-to-left document is the same layout seen in a
// mirror: what a layout puts first in a row (a column, a table cell, a padding, a margin)
// stands at the right, so the card's number, the run sheet's times and a band's label sit on
// the side a right-to-left reader starts from. Only the arrangement is mirrored: the text
// itself is ordered line by line (bidi-lines.ts), and shapes placed at absolute positions (a
// card on its sheet, a poster's tiles) stay where the paper needs them.

/** The sides a text starts and ends on; a layout writes `alignment: 'end'` for the end side. */
const SIDES = { ltr: { start: 'left', end: 'right' }, rtl: { start: 'right', end: 'left' } } as const;

/**
 * The end side, for content written in TypeScript: typed as the pdfmake alignment layOutFor
 * turns it into, as pdfmake's types know only left and right.
 */
export const END_SIDE = 'end' as unknown as 'right';

/**
 * Lays out `content` for a document written in `direction`, in place (pdfmake takes a fresh
 * definition each time). Right to left, a text aligned nowhere (neither itself nor by what
 * holds it) starts on the right: set on the texts, as pdfmake would align shapes and images
 * by a document-wide default too.
 */
export function layOutFor<T>(content: T, direction: Direction): T {
  const mirrored = new WeakSet<NodeRecord>();
  visitNodes(content, undefined as unknown, (record, aligned, key) => {
    if (record.alignment === 'start' || record.alignment === 'end') record.alignment = SIDES[direction][record.alignment];
    if (direction === 'ltr') return aligned;
    // A record met twice (one object in two places) is mirrored once.
    if (!mirrored.has(record)) {
      mirrored.add(record);
      mirror(record);
      if (key !== 'text' && record.text !== undefined && record.alignment === undefined && aligned === undefined) record.alignment = SIDES.rtl.start;
    }
    return record.alignment ?? aligned;
  });
  return content;
}

/** Mirrors one record; lists are replaced, never reversed in place, as a layout's arrays may be shared. */
function mirror(record: NodeRecord): void {
  if (Array.isArray(record.columns)) record.columns = [...record.columns].reverse();
  if (Array.isArray(record.margin) && record.margin.length === 4) {
    const [left, top, right, bottom] = record.margin as unknown[];
    record.margin = [right, top, left, bottom];
  }
  const table = record.table as { body?: unknown; widths?: unknown } | undefined;
  if (table && typeof table === 'object') {
    if (Array.isArray(table.widths)) table.widths = [...table.widths].reverse();
    if (Array.isArray(table.body)) table.body = table.body.map((row) => (Array.isArray(row) ? mirroredRow(row) : row));
    const layout = record.layout;
    if (layout && typeof layout === 'object' && !Array.isArray(layout)) {
      const { paddingLeft, paddingRight, ...rest } = layout as Record<string, unknown>;
      record.layout = { ...rest, ...(paddingRight !== undefined ? { paddingLeft: paddingRight } : {}), ...(paddingLeft !== undefined ? { paddingRight: paddingLeft } : {}) };
    }
  }
}

/** A table row from right to left: a cell spanning columns keeps the placeholders that follow it (pdfmake's form). */
function mirroredRow(cells: unknown[]): unknown[] {
  const groups: unknown[][] = [];
  for (let i = 0; i < cells.length; ) {
    const cell = cells[i] as { colSpan?: unknown } | null;
    const span = cell && typeof cell === 'object' && typeof cell.colSpan === 'number' && cell.colSpan > 1 ? cell.colSpan : 1;
    groups.push(cells.slice(i, i + span));
    i += span;
  }
  return groups.reverse().flat();
}
