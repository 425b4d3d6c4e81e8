/**
 * poster.hbs is drawn for A3. A2 and A1 have the same proportions, so on them every type
 * size and distance grows by the same factor as the paper (×1.41 on A2, ×2 on A1), and the
 * poster reads the same from proportionally further away. Ratios (lineHeight) and colours
 * stay as they are.
 */
const MEASURES = new Set(['margin', 'gap', 'maxHeight', 'height', 'diameter', 'lineWidth', 'padding', 'fontSize', 'minFontSize', 'columnGap', 'characterSpacing']);

export function grow<T>(layout: T, factor: number): T {
  if (factor === 1) return layout;
  const walk = (node: unknown, key?: string): unknown => {
    if (typeof node === 'number') return key !== undefined && MEASURES.has(key) ? node * factor : node;
    if (Array.isArray(node)) return node.map((n) => walk(n, key === 'margin' ? key : undefined));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
  };
  return walk(layout) as T;
}
