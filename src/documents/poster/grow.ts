import { mapNodes } from '../../render/nodes.js';

/**
 * poster.hbs is drawn for A3. A2 and A1 have the same proportions, so on them every type
 * size and distance grows by the same factor as the paper (×1.41 on A2, ×2 on A1), and the
 * poster reads the same from proportionally further away. Ratios (lineHeight) and colours
 * stay as they are.
 */
const MEASURES = new Set(['margin', 'gap', 'maxHeight', 'height', 'diameter', 'lineWidth', 'padding', 'fontSize', 'minFontSize', 'columnGap', 'characterSpacing']);

export function grow<T>(layout: T, factor: number): T {
  if (factor === 1) return layout;
  // A list under a measure (a margin's four sides) is measures too.
  return mapNodes(layout, undefined, { value: (key, value) => (typeof value === 'number' && key !== undefined && MEASURES.has(key) ? value * factor : value) });
}
