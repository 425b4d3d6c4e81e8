import { createRequire } from 'node:module';

/** The part of a fontkit font that kernekit reads itself (pdfkit uses the rest). */
export interface ParsedFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const fontkit = createRequire(import.meta.url)('fontkit') as { create(src: Uint8Array, postscriptName?: string): ParsedFont };
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
  if (!font) byName.set(key, (font = fontkit.create(src, postscriptName)));
  return font;
}
