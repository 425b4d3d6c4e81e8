import type { Content } from 'pdfmake/interfaces.js';
import { mapNodes } from '../../render/nodes.js';

/**
 * pdfmake takes table rules and paddings as callbacks, which a JSON5 layout cannot write. A
 * layout writes plain values instead (`layout: { hLineWidth: 0.5, hLineColor: '#BBBBBB' }`);
 * this turns each into a callback returning that value. `outerHLine` is the width of the
 * top and bottom rules, so a table can have rules only between its rows.
 */
export function withTableRules(node: unknown): Content {
  return mapNodes(node, undefined, {
    record: (record, context, key) => (key === 'layout' ? { value: callbacks(record) } : { record, context }),
  }) as Content;
}

function callbacks(spec: Record<string, unknown>): Record<string, unknown> {
  const { outerHLine, hLineWidth, ...rest } = spec;
  const layout: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, () => v]));
  if (hLineWidth !== undefined) {
    layout.hLineWidth = (i: number, node: { table: { body: unknown[] } }) =>
      outerHLine !== undefined && (i === 0 || i === node.table.body.length) ? outerHLine : hLineWidth;
  }
  return layout;
}
