import { fontBytes, styleOf, type FontStyle } from './fonts.js';
import { parseFont } from './parsed-fonts.js';

const font = (style: FontStyle) => parseFont(fontBytes().get(style)!);

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
  let cache = advances.get(key);
  if (!cache) advances.set(key, (cache = new Map()));
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let advance = cache.get(cp);
    if (advance === undefined) cache.set(cp, (advance = f.glyphForCodePoint(cp).advanceWidth));
    units += advance;
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
  let cache = widths.get(key);
  if (!cache) widths.set(key, (cache = new Map()));
  let units = cache.get(text);
  if (units === undefined) cache.set(text, (units = f.layout(text).advanceWidth));
  return (units * style.fontSize) / f.unitsPerEm;
}

/** Code points the kit's fonts cannot draw, for the glyph check before rendering. */
export function missingGlyphs(text: string, style: FontStyle = 'normal'): number[] {
  const f = font(style);
  let known = coverage.get(style);
  if (!known) coverage.set(style, (known = new Map()));
  const missing = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0xad || cp === 0x200b) continue;
    let has = known.get(cp);
    if (has === undefined) known.set(cp, (has = f.hasGlyphForCodePoint(cp)));
    if (!has) missing.add(cp);
  }
  return [...missing];
}

/** Per style, whether the font has each code point met so far: the glyph check reads every string. */
const coverage = new Map<FontStyle, Map<number, boolean>>();
