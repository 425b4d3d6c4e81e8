import type { Line, Rect } from './imposition.js';

/** White between the bleed's edge and a crop mark, so a mark never shows on a card cut a little wide. */
const MARK_GAP_MM = 2;
const MARK_LENGTH_MM = 5;

/** How far beyond the bleed a page must reach to hold crop marks. */
export const CROP_MARK_ROOM_MM = MARK_GAP_MM + MARK_LENGTH_MM;

/** The eight crop marks of one card: each trim line drawn on outside the bleed, at every corner. */
export function cropMarksOutside(trim: Rect, bleed: Rect): Line[] {
  const [top, bottom] = [bleed.y - MARK_GAP_MM, bleed.y + bleed.height + MARK_GAP_MM];
  const [left, right] = [bleed.x - MARK_GAP_MM, bleed.x + bleed.width + MARK_GAP_MM];
  const marks: Line[] = [];
  for (const x of [trim.x, trim.x + trim.width]) {
    marks.push({ x1: x, y1: top - MARK_LENGTH_MM, x2: x, y2: top }, { x1: x, y1: bottom, x2: x, y2: bottom + MARK_LENGTH_MM });
  }
  for (const y of [trim.y, trim.y + trim.height]) {
    marks.push({ x1: left - MARK_LENGTH_MM, y1: y, x2: left, y2: y }, { x1: right, y1: y, x2: right + MARK_LENGTH_MM, y2: y });
  }
  return marks;
}
