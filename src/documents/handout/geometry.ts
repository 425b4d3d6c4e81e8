import type { Rect } from '../../print/imposition.js';
import type { Size } from '../../print/paper.js';

export interface HandoutGrid {
  header: Rect;
  panels: Rect[];
  footer: Rect;
}

/**
 * Splits the page (millimetres) into a header, `count` equal panels and a footer, stacked
 * top to bottom inside the margin with `gap` between them.
 */
export function handoutGrid(paper: Size, spec: { margin: number; gap: number; headerHeight: number; footerHeight: number; count: number }): HandoutGrid {
  const { margin, gap, headerHeight, footerHeight, count } = spec;
  const width = paper.width - 2 * margin;
  const header: Rect = { x: margin, y: margin, width, height: headerHeight };
  const footer: Rect = { x: margin, y: paper.height - margin - footerHeight, width, height: footerHeight };
  const top = header.y + header.height + gap;
  const available = footer.y - gap - top;
  const height = (available - (count - 1) * gap) / count;
  if (height <= 0) throw new Error(`handout layout leaves no room for ${count} panels on a ${paper.width}×${paper.height} mm page`);
  const panels = Array.from({ length: count }, (_, i) => ({ x: margin, y: top + i * (height + gap), width, height }));
  return { header, panels, footer };
}

/** The part of a rect left after taking `inset` millimetres off every side. */
export function inset(r: Rect, by: number): Rect {
  return { x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by };
}
