import { UsageError } from '../content/problems.js';

export interface Size {
  /** Millimetres. */
  width: number;
  height: number;
}

export const PAPER = {
  a4: { width: 210, height: 297 },
  a3: { width: 297, height: 420 },
  letter: { width: 215.9, height: 279.4 },
} as const satisfies Record<string, Size>;

export type PaperName = 'a4' | 'letter';
export const PAPER_CHOICES: PaperName[] = ['a4', 'letter'];

/** Poster sizes: the A-series keeps its proportions, so a poster designed for A3 grows as a whole. */
export const POSTER_PAPER = {
  a3: { width: 297, height: 420 },
  a2: { width: 420, height: 594 },
  a1: { width: 594, height: 841 },
} as const satisfies Record<string, Size>;
export type PosterName = keyof typeof POSTER_PAPER;
export const POSTER_CHOICES = Object.keys(POSTER_PAPER) as PosterName[];

export const CARD_PRESETS = {
  poker: { width: 63, height: 88 },
  a7: { width: 74, height: 105 },
  a6: { width: 105, height: 148 },
} as const satisfies Record<string, Size>;

/** Text never comes closer than this to a card's trim edge. */
export const SAFE_INSET_MM = 5;

/** The smallest card that still leaves room for a readable line inside the safe area. */
const MIN_CARD_MM = 40;

/** `poker`, `a7`, `a6` or a custom `WxH` in millimetres, e.g. `70x100`. */
export function parseCardSize(value: string): Size {
  const preset = CARD_PRESETS[value.toLowerCase() as keyof typeof CARD_PRESETS];
  if (preset) return preset;
  // × as an escape: the bundle stays ASCII, which Node and V8 read faster (scripts/bundle.mjs).
  const m = /^(\d+(?:\.\d+)?)\s*[x\u00D7]\s*(\d+(?:\.\d+)?)$/i.exec(value.trim());
  if (!m) {
    throw new UsageError(`--card-size "${value}" is not a card size. Use poker, a7, a6, or width x height in millimetres such as 70x100.`);
  }
  const size = { width: Number(m[1]), height: Number(m[2]) };
  if (size.width < MIN_CARD_MM || size.height < MIN_CARD_MM) {
    throw new UsageError(`--card-size ${value} is too small: a card needs at least ${MIN_CARD_MM} mm on each side to hold readable text.`);
  }
  return size;
}
