/**
 * The characters the fonts that ship for web pages and the planner page are cut down to, as
 * Unicode ranges: Latin letters with their accents (every language kernekit hyphenates, and the
 * pseudo-locale), punctuation, currency, letter-like symbols, arrows and mathematical signs.
 * A language with a character outside them gets the whole fonts in its planner (planner-page.ts),
 * and its web pages draw that character in the browser's own font (the @font-face unicode-range).
 */
export const LATIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

// The ranges are all in the Basic Multilingual Plane, so the expression reads UTF-16 code units
// (a character beyond it is two surrogates, in no range), eight times faster than by code point.
const LATIN_ONLY = new RegExp(`^[${LATIN_RANGES.map(([from, to]) => `\\u${hex(from)}-\\u${hex(to)}`).join('')}]*$`);

/** Whether every character of `text` is in the ranges: one regular expression over a language's planner data, not a test per character. */
export const latinOnly = (text: string): boolean => LATIN_ONLY.test(text);

/** Every character of Unicode ranges, for a subsetter. */
export const rangesText = (ranges: ReadonlyArray<readonly [number, number]>): string => ranges.map(([from, to]) => String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i))).join('');

/** Every character of the Latin ranges. */
export const latinText = () => rangesText(LATIN_RANGES);

/** The ranges as CSS writes them in a unicode-range descriptor. */
export const latinUnicodeRange = () => LATIN_RANGES.map(([from, to]) => `U+${hex(from)}-${hex(to)}`).join(', ');
