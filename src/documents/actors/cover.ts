import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import type { Rect } from '../../print/imposition.js';
import { mm, PT_PER_MM } from '../../print/units.js';
import { fitBoxes } from '../../render/fit.js';
import { fitWheel, placeWheel } from '../wheel/draw.js';
import { textAt, type Region } from '../wheel/place.js';
import type { ActorView } from './views.js';

/** What actors-cover.hbs describes. */
interface CoverLayout {
  text: Region;
  /** Millimetres. */
  wheel: { minDiameter: number; maxDiameter: number; gap: number };
}

/** The first page: title, introduction and how-to on top, the wheel as large as the rest of the page allows. */
export function coverPage(loc: Localization, actors: ActorView[], area: Rect, document: string): Content[] {
  const layout = runLayout<CoverLayout>('actors-cover.hbs', { title: loc.kit.checklist.title, intro: loc.kit.checklist.intro }, loc.t);
  const { wheel } = layout;
  const textBox: Rect = { ...area, height: area.height - wheel.minDiameter - wheel.gap };
  const text = fitBoxes([{ id: 'cover', width: mm(textBox.width), height: mm(textBox.height), ...layout.text }], document, loc.language).get('cover')!;
  const below = area.height - text.height / PT_PER_MM - wheel.gap;
  const diameter = Math.min(area.width, wheel.maxDiameter, below);
  const fitted = fitWheel(loc, actors, diameter, document);
  const at = { x: area.x + (area.width - diameter) / 2, y: area.y + area.height - below + (below - diameter) / 2 };
  return [textAt(textBox, text), ...placeWheel(fitted, at)];
}
