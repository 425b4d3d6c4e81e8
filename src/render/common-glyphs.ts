import { faceHas, unseen, type Face } from './font-set.js';

/**
 * ASCII, Latin-1 and the dashes, quotes, daggers, bullet and ellipsis of General Punctuation:
 * nearly every character a Latin-script kit prints. The glyph check reads every string of a
 * language (some 100,000 characters) before anything renders, and splitting by face and rough
 * measuring read every text of a document again; a text of these alone is settled by one
 * regular expression, once the font is known to have all of them.
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

const commonCovered = new WeakMap<Face, boolean>();

function coversCommon(typeface: Face): boolean {
  let covered = commonCovered.get(typeface);
  if (covered === undefined) {
    covered = COMMON_RANGES.every(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i).every((cp) => unseen(cp) || faceHas(typeface, cp)));
    commonCovered.set(typeface, covered);
  }
  return covered;
}

/** Whether `typeface` surely draws every character of `text`: all are common ones, and it has every common one. */
export const drawsCommonText = (typeface: Face, text: string): boolean => COMMON.test(text) && coversCommon(typeface);
