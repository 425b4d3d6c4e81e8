import type { Rect } from '../../print/imposition.js';
import type { Size } from '../../print/paper.js';
import { PosterSpaceError } from '../../errors.js';

/**
 * The poster's areas, in millimetres from the page's top left: the header, three rows of
 * blocks and the footer. The middle row holds the wheel; every actor's block takes the cell on
 * the side its sector points to, so it sits beside its own part of the wheel. The centre's
 * block sits below the wheel.
 */
export interface PosterGrid {
  header: Rect;
  footer: Rect;
  wheel: Rect;
  /** Below the wheel: the centre's questions. */
  centre: Rect;
  /** One cell per sector, in sector order. */
  sectors: Rect[];
  /** Where each row starts. */
  rowY: Record<Row, number>;
  /** The height the top and bottom rows share (GridSpec.topShare). */
  outerRows: number;
}

export interface GridSpec {
  margin: number;
  gap: number;
  headerHeight: number;
  footerHeight: number;
  wheelDiameter: number;
  /** The top row's share of the height the top and bottom rows have between them. */
  topShare: number;
}

type Side = 'left' | 'right';
export type Row = 'top' | 'middle' | 'bottom';

/**
 * `sectorAngles` are the directions (radians, clockwise from 3 o'clock) the sectors point in:
 * up to two sectors per row, one on each side. The top row is split in two halves; the bottom
 * row in three, the middle third for the centre's block; the middle row gives the wheel its
 * diameter and the sides what is left.
 */
export function posterGrid(page: Size, spec: GridSpec, sectorAngles: number[]): PosterGrid {
  const { margin, gap, wheelDiameter: d } = spec;
  const inner: Rect = { x: margin, y: margin, width: page.width - 2 * margin, height: page.height - 2 * margin };
  const header: Rect = { ...inner, height: spec.headerHeight };
  const footer: Rect = { ...inner, y: inner.y + inner.height - spec.footerHeight, height: spec.footerHeight };
  const top = header.y + header.height + gap;
  const rows = footer.y - gap - top - d - 2 * gap;
  const side = (inner.width - d - 2 * gap) / 2;
  if (rows <= 0 || side <= 0) throw new PosterSpaceError(`a wheel of ${d} mm leaves no room for the questions on a ${page.width} × ${page.height} mm page. Make the wheel smaller in layouts/poster.hbs, or choose larger paper with --poster.`);
  const topHeight = rows * spec.topShare;
  const bottomHeight = rows - topHeight;
  const middleY = top + topHeight + gap;
  const bottomY = middleY + d + gap;
  const half = (inner.width - gap) / 2;
  const third = (inner.width - 2 * gap) / 3;
  const cell: Record<Row, Record<Side, Rect>> = {
    top: {
      left: { x: inner.x, y: top, width: half, height: topHeight },
      right: { x: inner.x + half + gap, y: top, width: half, height: topHeight },
    },
    middle: {
      left: { x: inner.x, y: middleY, width: side, height: d },
      right: { x: inner.x + side + gap + d + gap, y: middleY, width: side, height: d },
    },
    bottom: {
      left: { x: inner.x, y: bottomY, width: third, height: bottomHeight },
      right: { x: inner.x + 2 * (third + gap), y: bottomY, width: third, height: bottomHeight },
    },
  };

  const taken = new Set<string>();
  const sectors = sectorAngles.map((angle) => {
    // Up, level or down by the sine; left or right by the cosine.
    const row: Row = Math.sin(angle) < -0.3 ? 'top' : Math.sin(angle) > 0.3 ? 'bottom' : 'middle';
    const at: Side = Math.cos(angle) < 0 ? 'left' : 'right';
    if (Math.abs(Math.cos(angle)) < 0.3 || taken.has(row + at)) {
      throw new PosterSpaceError(`the wheel's ${sectorAngles.length} sectors do not point into separate cells beside the wheel; it has cells for six actors around the centre. Remove actors from checklist.yaml.`);
    }
    taken.add(row + at);
    return cell[row][at];
  });
  return {
    header,
    footer,
    wheel: { x: inner.x + side + gap, y: middleY, width: d, height: d },
    centre: { x: inner.x + third + gap, y: bottomY, width: third, height: bottomHeight },
    sectors,
    rowY: { top, middle: middleY, bottom: bottomY },
    outerRows: rows,
  };
}
