import { controlCharacter } from '../control-characters.js';
import { missingGlyphs } from './text-metrics.js';
import type { FontSet } from './font-set.js';

/**
 * The characters of a text that no face of the font set has (regular and bold), as
 * `U+XXXX "c"`, or undefined when they have them all. Such a character would print as an
 * empty box, so every text is checked before rendering.
 */
export function unprintable(text: string, set?: FontSet): string | undefined {
  const missing = new Set(missingGlyphs(text, set));
  if (missing.size === 0) return undefined;
  return [...missing].map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${shown(String.fromCodePoint(cp))}`).join(', ');
}

/** The character itself in quotes, unless it is invisible and would act on a terminal. */
function shown(c: string): string {
  return controlCharacter(c) ? '(a control character)' : `"${c}"`;
}
