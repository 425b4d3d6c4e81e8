import type { Content } from 'pdfmake/interfaces.js';
import { layoutHeights } from '../../render/pdfmake.js';
import { rememberedHeights } from '../../render/remembered-heights.js';
import { withTableRules } from './table-rules.js';
import { visitNodes } from '../../render/nodes.js';

/**
 * A layout marks a block `keepTogether: true` (a short table with its heading) so a page
 * break never strands a heading or a single row. pdfmake's `unbreakable` does that, but
 * silently drops what does not fit on one page, so a block is made unbreakable only when
 * it measures no taller than a page; a longer one stays breakable and flows on.
 * Runs on the layout's plain values, before withTableRules. Sizes in points.
 */
export function keepTogether(nodes: Content[], width: number, pageHeight: number): Content[] {
  const marked: Array<Record<string, unknown>> = [];
  visitNodes(nodes, undefined, (record) => {
    if (record.keepTogether === true) marked.push(record);
  });
  if (marked.length === 0) return nodes;
  // Named by the block as the layout wrote it: on the planner page a press measures only the blocks its numbers changed.
  const heights = rememberedHeights(marked, (m) => ['keep-together', width, m], (todo) => layoutHeights(todo.map((m) => ({ stack: [strip(m)] })), width));
  marked.forEach((m, i) => {
    delete m.keepTogether;
    if (heights[i]! <= pageHeight) m.unbreakable = true;
  });
  return nodes;
}

/** A copy to measure (withTableRules copies every node): pdfmake moves what it lays out. */
function strip(node: Record<string, unknown>): Content {
  const { keepTogether: _, pageBreak: __, ...rest } = node;
  return withTableRules(rest);
}
