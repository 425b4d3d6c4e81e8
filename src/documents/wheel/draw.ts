import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import { mm } from '../../print/units.js';
import { fitBoxes, type FitBox, type Fitted } from '../../render/fit.js';
import type { ActorView } from '../actors/views.js';
import { mirroredWheel, wheelGeometry, type Point, type Wheel } from './geometry.js';
import { pageLanguage } from '../../i18n/page-language.js';
import { textAt } from './place.js';

/** The diameter at which the wheel layout's \{{scaled N}} sizes are exactly N points. */
const REFERENCE_DIAMETER_MM = 150;

/**
 * The first actor around the hub sits at 10–11 o'clock and the rest follow clockwise, so the
 * first two read left to right across the top, as the poster's top row does (mirrored for a
 * right-to-left language: mirroredWheel).
 */
export const FIRST_SECTOR_ANGLE = (-2 * Math.PI) / 3;

interface WheelLayout {
  hub: number;
  gap: number;
  padding: number;
  labelHeight: number;
  labels: Array<{ id: string; fontSize: number; minFontSize: number; content: FitBox['content'] }>;
}

export interface FittedWheel {
  geometry: Wheel;
  /** What the wheel shows, for a reader who cannot see it (the HTML edition's too). */
  alt: string;
  centre: ActorView;
  around: ActorView[];
  labels: Map<string, Fitted>;
}

/**
 * Lays out the wheel at `diameter` mm and fits every actor's label into its sector, so a long
 * name (or a long translation) shrinks or breaks inside its own sector instead of crossing into a
 * neighbour's. `actors` is the centre first, then the ring in wheel order.
 */
export function fitWheel(loc: Localization, actors: ActorView[], diameter: number, document: string): FittedWheel {
  const { centre, around, layout, geometry } = layoutWheel(loc, actors, diameter);
  const boxOf = (id: string) => (id === centre.id ? geometry.hubLabel : geometry.sectors[around.findIndex((a) => a.id === id)]!.label);
  const labels = fitBoxes(
    layout.labels.map((l) => {
      const box = boxOf(l.id);
      return { id: l.id, width: mm(box.width), height: mm(box.height), content: l.content, fontSize: l.fontSize, minFontSize: l.minFontSize };
    }),
    document,
    loc.language,
  );
  return { geometry, centre, around, labels, alt: wheelAlt(loc, actors) };
}

/** The wheel's text alternative: every actor with its number of questions, in wheel order. */
export function wheelAlt(loc: Localization, actors: ActorView[]): string {
  const list = actors.map((a) => loc.t('html.wheelActor', { name: a.name, questions: loc.t('actors.questionCount', { count: a.count }) }));
  return loc.t('html.wheel', { list: list.join('; ') });
}

/** The wheel's layout and geometry at `diameter` mm: what the PDF draws and the HTML edition's SVG shows. */
export function layoutWheel(loc: Localization, actors: ActorView[], diameter: number) {
  const [centre, ...around] = actors;
  if (!centre) throw new Error('the wheel needs at least its centre');
  const layout = runLayout<WheelLayout>('wheel.hbs', { actors, typeScale: diameter / REFERENCE_DIAMETER_MM }, loc.t);
  const geometry = wheelGeometry({
    diameter,
    hub: layout.hub,
    gap: layout.gap,
    padding: layout.padding,
    labelHeight: (layout.labelHeight * diameter) / 2,
    count: around.length,
    firstAngle: FIRST_SECTOR_ANGLE,
  });
  return { centre, around, layout, geometry: pageLanguage(loc.language).dir === 'rtl' ? mirroredWheel(geometry) : geometry };
}

/** pdfmake nodes that draw a fitted wheel with its top left corner at `at` (mm on the page). */
export function placeWheel(wheel: FittedWheel, at: Point): Content[] {
  const { geometry } = wheel;
  const pt = (p: Point) => ({ x: mm(p.x), y: mm(p.y) });
  const shapes = [
    ...geometry.sectors.map((sector, i) => ({ type: 'polyline', points: sector.outline.map(pt), closePath: true, color: wheel.around[i]!.colour })),
    { type: 'ellipse', ...pt(geometry.centre), r1: mm(geometry.hubRadius), r2: mm(geometry.hubRadius), color: wheel.centre.colour },
  ];
  const shift = (r: { x: number; y: number; width: number; height: number }) => ({ ...r, x: r.x + at.x, y: r.y + at.y });
  // One figure for a screen reader, named by its text alternative; its labels are part of the picture.
  return [
    {
      tag: { role: 'Figure', alt: wheel.alt },
      stack: [
        { canvas: shapes, absolutePosition: pt(at) },
        textAt(shift(geometry.hubLabel), wheel.labels.get(wheel.centre.id)!, 'middle'),
        ...geometry.sectors.map((sector, i) => textAt(shift(sector.label), wheel.labels.get(wheel.around[i]!.id)!, 'middle')),
      ],
    } as Content,
  ];
}
