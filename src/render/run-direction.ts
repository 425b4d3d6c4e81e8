import bidiModule from 'bidi-js';

// bidi-js's types declare an ES module's default export; what Node loads (its CommonJS build)
// is the factory itself, as is the default export of the build the bundler takes.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;

/** The bidirectional algorithm (UAX #9), shared by every module that reads a text's direction. */
export const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/**
 * Characters that may be right to left: Hebrew to Arabic Extended (with Syriac, Thaana, NKo),
 * the presentation forms, the right-to-left marks and isolates, and the historic scripts of
 * the supplementary planes. A text with none of them is left to right, without asking bidi-js
 * character by character (what every Danish or English word would cost).
 */
const MAYBE_RTL = /[\u0590-\u08FF\u200F\u202B\u202E\u2067\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

export const mayBeRtl = (text: string): boolean => MAYBE_RTL.test(text);

/**
 * The direction a run of text is shaped in: right to left when it holds a right-to-left
 * letter (bidi class R or AL), else left to right. The line reordering (bidi-lines.ts) gives
 * the shaper runs of one embedding level each, so this is the run's level: a Persian number
 * "۶۳" (class EN, a left-to-right level) is shaped left to right, though its digits belong to
 * the Arabic script, which fontkit would otherwise shape (and reverse) right to left.
 */
export function runDirection(text: string): Direction {
  if (!mayBeRtl(text)) return 'ltr';
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return 'ltr';
}
