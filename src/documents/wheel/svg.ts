import type { Localization } from '../../i18n/translator.js';
import type { Rect } from '../../print/imposition.js';
import type { ActorView } from '../actors/views.js';
import { layoutWheel, wheelAlt } from './draw.js';

/** The SVG's own units are millimetres of a wheel this wide; the page scales it. */
const DIAMETER = 150;
/** Type size of the labels (mm), and the share of it a character takes on average, to wrap names. */
const FONT = 4.2;
const CHAR_WIDTH = 0.6;

export interface WheelLabel {
  x: number;
  /** Type size: smaller than FONT when a single word is wider than the label's box. */
  font: number;
  /** Baseline of each line, centred in the label's box. */
  lines: Array<{ y: number; text: string; bold: boolean }>;
}

/** What layouts/html/_wheel.hbs draws: the PDF's wheel geometry as SVG shapes, and its text alternative. */
export interface WheelSvg {
  size: number;
  alt: string;
  hub: { cx: number; cy: number; r: number; colour: string; label: WheelLabel };
  sectors: Array<{ points: string; colour: string; label: WheelLabel }>;
}

/**
 * The 360° wheel for the HTML editions, from the same layout and geometry as the PDF's. A
 * screen reader meets it as one image whose text alternative names every actor with its
 * number of questions, in wheel order.
 */
export function wheelSvg(loc: Localization, actors: ActorView[]): WheelSvg {
  const { centre, around, geometry } = layoutWheel(loc, actors, DIAMETER);
  const count = (a: ActorView) => loc.t('actors.questionCount', { count: a.count });
  // The count is wrapped as the name is: a long one ("[4 špøŕğšmåĺ ĺóŕéñ]" in the pseudo-locale) on one line would shrink the whole label.
  const lines = (text: string, width: number, bold: boolean) => wrap(text, width).map((line) => ({ text: line, bold }));
  const label = (a: ActorView, box: Rect) => labelLines(box, [{ text: a.code, bold: true }, ...lines(a.name, box.width, true), ...lines(count(a), box.width, false)]);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    size: DIAMETER,
    alt: wheelAlt(loc, actors),
    hub: { cx: geometry.centre.x, cy: geometry.centre.y, r: round(geometry.hubRadius), colour: centre.colour, label: label(centre, geometry.hubLabel) },
    sectors: geometry.sectors.map((s, i) => ({
      points: s.outline.map((p) => `${round(p.x)},${round(p.y)}`).join(' '),
      colour: around[i]!.colour,
      label: label(around[i]!, s.label),
    })),
  };
}

function labelLines(box: Rect, lines: Array<{ text: string; bold: boolean }>): WheelLabel {
  const longest = Math.max(...lines.map((l) => l.text.length));
  const font = Math.round(Math.min(FONT, box.width / (longest * CHAR_WIDTH)) * 100) / 100;
  const pitch = font * 1.15;
  const top = box.y + box.height / 2 - (pitch * lines.length) / 2 + font * 0.85;
  return { x: Math.round((box.x + box.width / 2) * 100) / 100, font, lines: lines.map((l, i) => ({ ...l, y: Math.round((top + i * pitch) * 100) / 100 })) };
}

/** A name broken between words into lines that fit the label's width, as near as an estimate can. */
function wrap(text: string, width: number): string[] {
  const max = Math.max(6, Math.floor(width / (FONT * CHAR_WIDTH)));
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ' ' + word;
    else lines.push(word);
  }
  return lines;
}
