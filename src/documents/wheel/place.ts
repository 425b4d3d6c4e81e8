import type { Content } from 'pdfmake/interfaces.js';
import type { Rect } from '../../print/imposition.js';
import { mm } from '../../print/units.js';
import type { FitBox, Fitted } from '../../render/fit.js';

/**
 * Fitted text at a fixed place on the page (millimetres from the top left). The column keeps
 * pdfmake from wrapping at the page margin instead of at the box's edge.
 */
export function textAt(box: Rect, fitted: Fitted, valign: 'top' | 'middle' = 'top'): Content {
  const dy = valign === 'middle' ? Math.max(0, (mm(box.height) - fitted.height) / 2) : 0;
  return {
    absolutePosition: { x: mm(box.x), y: mm(box.y) + dy },
    columns: [{ width: mm(box.width), stack: fitted.content }],
    columnGap: 0,
  } as Content;
}


/** A text region as a layout describes it: content and the type sizes it may be fitted between. */
export type Region = Pick<FitBox, 'fontSize' | 'minFontSize' | 'content'>;

/** Only the region's fitting fields, so a layout's own measures (height, padding) never pass for a box's. */
export function regionOf(r: Region): Region {
  return { fontSize: r.fontSize, minFontSize: r.minFontSize, content: r.content };
}
