import { styleOf, type FontStyle } from './fonts.js';
import { host } from '../host/host.js';
import { parseFont } from './parsed-fonts.js';
import { glyphCoverage } from './glyph-coverage.js';

const font = (style: FontStyle) => parseFont(host.fonts().get(style)!);

export interface TextStyle {
  fontSize: number;
  bold: boolean;
  italics: boolean;
}

/**
 * The width of `text` in points, give or take kerning and ligatures: the sum of its letters'
 * advance widths, without shaping (which is what makes exact measuring slow). Good for
 * telling that a word surely fits a line.
 */
export function roughWidth(text: string, style: TextStyle): number {
  const key = styleOf(style.bold, style.italics);
  const f = font(key);
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    units += remembered(advances, key, cp, () => f.glyphForCodePoint(cp).advanceWidth);
  }
  return (units * style.fontSize) / f.unitsPerEm;
}

const advances = new Map<FontStyle, Map<number, number>>();

/** Widths in font units do not depend on the size, so each text is shaped once per style. */
const widths = new Map<FontStyle, Map<string, number>>();

/** Advance width in points, with the same shaping pdfkit applies (kerning included). */
export function textWidth(text: string, style: TextStyle): number {
  const key = styleOf(style.bold, style.italics);
  const f = font(key);
  const units = remembered(widths, key, text, () => f.layout(text).advanceWidth);
  return (units * style.fontSize) / f.unitsPerEm;
}

/** Line breaks, tabs, the soft hyphen and the zero-width space: never drawn, so never checked. Other control characters are missing glyphs. */
const unseen = (cp: number) => cp === 0x0a || cp === 0x09 || cp === 0xad || cp === 0x200b;

/** Code points the kit's fonts cannot draw, for the glyph check before rendering. */
export function missingGlyphs(text: string, style: FontStyle = 'normal'): number[] {
  if (COMMON.test(text) && coversCommon(style)) return [];
  const has = glyphCoverage(style);
  const missing = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (unseen(cp)) continue;
    if (!remembered(coverage, style, cp, () => has(cp))) missing.add(cp);
  }
  return [...missing];
}

/**
 * ASCII, Latin-1 and the dashes, quotes, daggers, bullet and ellipsis of General Punctuation:
 * nearly every character a Latin-script kit prints. The glyph check reads every string of a
 * language (some 100,000 characters) before anything renders; a text of these alone is
 * settled by one regular expression, once the font is known to have all of them.
 */
const COMMON_RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2010, 0x201e],
  [0x2020, 0x2022],
  [0x2026, 0x2026],
];
const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
const COMMON = new RegExp(`^[\\t\\n${COMMON_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$`);

const commonCovered = new Map<FontStyle, boolean>();

function coversCommon(style: FontStyle): boolean {
  let covered = commonCovered.get(style);
  if (covered === undefined) {
    const has = glyphCoverage(style);
    covered = COMMON_RANGES.every(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i).every((cp) => unseen(cp) || has(cp)));
    commonCovered.set(style, covered);
  }
  return covered;
}

/** Per style, whether the font has each code point met so far: the glyph check reads every string. */
const coverage = new Map<FontStyle, Map<number, boolean>>();

/** The value for `key` in the style's own table, computed the first time it is asked for. */
function remembered<K, V>(tables: Map<FontStyle, Map<K, V>>, style: FontStyle, key: K, compute: () => V): V {
  let table = tables.get(style);
  if (!table) tables.set(style, (table = new Map()));
  let value = table.get(key);
  if (value === undefined) table.set(key, (value = compute()));
  return value;
}
