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

/** Code points the kit's fonts cannot draw, for the glyph check before rendering. */
export function missingGlyphs(text: string, style: FontStyle = 'normal'): number[] {
  const has = glyphCoverage(style);
  const missing = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0xad || cp === 0x200b) continue;
    if (!remembered(coverage, style, cp, () => has(cp))) missing.add(cp);
  }
  return [...missing];
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
