import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { fontBytes, styleOf, type FontStyle } from './fonts.js';

const fonts = new Map<FontStyle, Fontkit.Font>();

function font(style: FontStyle): Fontkit.Font {
  let f = fonts.get(style);
  if (!f) {
    const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
    f = fontkit.create(fontBytes().get(style)!);
    fonts.set(style, f);
  }
  return f;
}

export interface TextStyle {
  fontSize: number;
  bold: boolean;
  italics: boolean;
}

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
