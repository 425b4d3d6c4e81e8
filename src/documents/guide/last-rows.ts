import type { Content, NodeStartPosition, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { visitNodes } from '../../render/nodes.js';

/** A table cell as pdfmake leaves it after laying it out: where each of its lines went. */
interface LaidOutCell {
  positions?: NodeStartPosition[];
  text?: unknown;
  stack?: LaidOutCell[];
  id?: string;
  listMarker?: unknown;
  pageBreak?: string;
}

type PageBreakBefore = NonNullable<TDocumentDefinitions['pageBreakBefore']>;

interface KeptTable {
  /** The body rows, without the header rows. */
  rows: LaidOutCell[][];
  keep: number;
}

/**
 * pdfmake keeps a table's first rows with its header rows (`keepWithHeaderRows`) but has
 * nothing for its last: a long table could end with one row, or its total, alone under
 * the repeated header on a page of its own. A layout marks such a table
 * `table: { keepLastRows: N }`. This finds the marked tables (the marker goes; pdfmake
 * would ignore it) and returns pdfmake's pageBreakBefore callback: when the table's last
 * page would hold fewer than N rows, the row that lets N rows go over together starts a
 * page, if that still leaves N rows before the break. pdfmake lays the document out again
 * after each break added, and asks about each node once, from the top down.
 *
 * A row of a `dontBreakRows` table is laid out on its own and moved to the next page when
 * it does not fit, and pdfmake then corrects the page it recorded only for a node with an
 * id; so the first cell of each of the last 2N rows gets one (a named destination in the
 * PDF, which nothing links to). The break is set on every cell of the row: on one cell
 * only, the others would start on the page before and the row would be split.
 * Runs on the final content: pdfmake's positions are compared with the very cells laid out.
 */
export function keepLastRows(content: Content): PageBreakBefore | undefined {
  const tables: KeptTable[] = [];
  // A table in an unbreakable block never breaks: it needs neither ids nor a callback.
  visitNodes(content, false, (record, whole) => {
    const node = record as { table?: { keepLastRows?: number; headerRows?: number; body: LaidOutCell[][] }; unbreakable?: boolean };
    const unbroken = whole || node.unbreakable === true;
    const table = node.table;
    if (table?.keepLastRows !== undefined) {
      const keep = Math.floor(table.keepLastRows);
      const rows = table.body.slice(table.headerRows ?? 0);
      if (!unbroken && keep >= 1) {
        rows.slice(-2 * keep).forEach((row, i) => {
          const leaf = firstText(row);
          if (leaf) leaf.id ??= `kept-rows-${tables.length}-${i}`;
        });
        tables.push({ rows, keep });
      }
      delete table.keepLastRows;
    }
    return unbroken;
  });
  if (tables.length === 0) return undefined;
  return (node) => tables.some((table) => breaksBefore(table, node.startPosition));
}

/** Whether the row that should lead the table's last N rows onto a new page starts at `start`, and must; if so, it is marked to. */
function breaksBefore({ rows, keep }: KeptTable, start: NodeStartPosition): boolean {
  const lead = rows.length - keep;
  if (lead < keep || firstLaidOut(rows[lead]!)?.positions![0] !== start) return false;
  const page = (row: LaidOutCell[]) => firstLaidOut(row)?.positions![0]!.pageNumber;
  if (page(rows[lead]!) === page(rows[rows.length - 1]!)) return false;
  if (page(rows[lead - keep]!) !== page(rows[lead - 1]!)) return false;
  for (const cell of rows[lead]!) cell.pageBreak = 'before';
  return true;
}

/** The row's first cell that pdfmake hands to pageBreakBefore: laid out, and not an empty text. */
function firstLaidOut(row: LaidOutCell[]): LaidOutCell | undefined {
  return row.find((cell) => (cell.positions?.length ?? 0) > 0 && !(cell.text === '' && !cell.listMarker));
}

/** The first text of the row's cells that is not empty, where an id marks the row's position. */
function firstText(row: LaidOutCell[]): LaidOutCell | undefined {
  for (const cell of row) {
    if (cell.stack) {
      const inner = firstText(cell.stack);
      if (inner) return inner;
    } else if (cell.text !== undefined && cell.text !== '') return cell;
  }
  return undefined;
}
