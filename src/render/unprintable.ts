import { controlCharacter } from '../control-characters.js';
import { missingGlyphs } from './text-metrics.js';

/**
 * The characters of a text that the kit's fonts (regular and bold) lack, as `U+XXXX "c"`, or
 * undefined when they have them all. pdfmake has no per-glyph fallback: such a character
 * prints as an empty box, so every text is checked before rendering.
 */
export function unprintable(text: string): string | undefined {
  const missing = new Set([...missingGlyphs(text, 'normal'), ...missingGlyphs(text, 'bold')]);
  if (missing.size === 0) return undefined;
  return [...missing].map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${shown(String.fromCodePoint(cp))}`).join(', ');
}

/** The character itself in quotes, unless it is invisible and would act on a terminal. */
function shown(c: string): string {
  return controlCharacter(c) ? '(a control character)' : `"${c}"`;
}
