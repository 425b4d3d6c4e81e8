import { host } from '../host/host.js';

/** The part of a fontkit font that kernekit reads itself (pdfkit uses the rest). */
export interface ParsedFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

interface Glyph {
  codePoints: number[];
}
type FontkitFont = ParsedFont & { getGlyph(id: number, codePoints?: number[]): Glyph };
type Fontkit = { create(src: Uint8Array, postscriptName?: string): FontkitFont };
/** fontkit itself, loaded on first use: commands that draw nothing (validate, list) never pay for it. */
const original = () => host.fontkit() as Fontkit;
const parsed = new WeakMap<Uint8Array, Map<string, ParsedFont>>();

/**
 * fontkit.create, once per font file and process. Parsing a font and warming its glyph and
 * layout-table caches costs about 0.1 s per file; pdfkit (for every PDF and every fitting
 * pass) and kernekit's own measuring all read the same four files, so they share one parse.
 * A parsed font is only read from, so sharing it cannot change a PDF.
 */
export function parseFont(src: Uint8Array, postscriptName?: string): ParsedFont {
  let byName = parsed.get(src);
  if (!byName) parsed.set(src, (byName = new Map()));
  const key = postscriptName ?? '';
  let font = byName.get(key);
  if (!font) byName.set(key, (font = ownCharacters(original().create(src, postscriptName))));
  return font;
}

/**
 * fontkit keeps one glyph object per glyph id, carrying the characters of whichever text
 * asked for it first, or none when a font subset asked for it as part of an accented
 * letter (Danish "í" is built from the dotless "ı"). pdfkit writes those characters into
 * the PDF's text layer, so a Turkish "ı" shaped after that lost its character, and a PDF
 * depended on what the process had built before it. Each request now gets the glyph with
 * its own characters: the same text always gives the same text layer.
 */
function ownCharacters(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    const same = glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]);
    return same || codePoints.length === 0 ? glyph : (Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph);
  };
  return font;
}
