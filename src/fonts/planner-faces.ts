import { FONT_FAMILY } from '../render/fonts.js';
import { LATIN_RANGES } from './latin.js';

type Ranges = ReadonlyArray<readonly [number, number]>;

/**
 * The characters each of the kit's faces keeps in the planner page's fonts as the package
 * ships them (scripts/fonts.mjs cuts each face down to these and the glyphs their shaping can
 * reach): the kit's typeface the Latin ones, a script's face that script's main block and the
 * Latin ones too, as the spaces, digits and punctuation in a run of its script are drawn from
 * it. A page whose texts a face draws only within its ranges gets the face so (write-data.ts's
 * wholeFonts); any other page the whole file.
 */
export const PLANNER_FACE_RANGES: ReadonlyMap<string, Ranges> = new Map<string, Ranges>([
  [FONT_FAMILY, LATIN_RANGES],
  ['NotoSansArabic', [[0x0600, 0x06ff], ...LATIN_RANGES]],
  ['NotoSansEthiopic', [[0x1200, 0x137f], ...LATIN_RANGES]],
]);

/** Whether the planner's cut-down `family` keeps the character. */
export const keptInPlanner = (family: string, codePoint: number): boolean => PLANNER_FACE_RANGES.get(family)?.some(([from, to]) => codePoint >= from && codePoint <= to) ?? false;
