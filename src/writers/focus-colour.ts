import { contrastRatio, rgb } from '../print/colour.js';

/**
 * The keyboard focus outline of the kit's web pages. WCAG 2.1 (1.4.11) wants a focus
 * indicator to stand out at least 3:1 from what surrounds it, and the outline is drawn in
 * the organisation's accent colour, which may be pale ("#FFD200" is 1.45:1 on white). A
 * pale accent is darkened, keeping its hue, until it reaches 3:1 on every background the
 * pages use.
 */

/** The minimum contrast of a focus indicator with its surroundings (WCAG 2.1, 1.4.11). */
export const FOCUS_CONTRAST = 3;

/** The backgrounds a focused link or field can stand on: the pages' white and their light grey. */
export const PAGE_BACKGROUNDS = ['#FFFFFF', '#F6F6F4'];

export function focusColour(accent: string, backgrounds: string[] = PAGE_BACKGROUNDS): string {
  const channels = rgb(accent);
  const worst = (hex: string) => Math.min(...backgrounds.map((b) => contrastRatio(hex, b)));
  // Mixing with black only lowers luminance, so the first step that reaches 3:1 is the palest that does.
  for (let step = 0; step <= 20; step++) {
    const mixed = toHex(channels.map((v) => Math.round(v * (1 - step / 20))));
    if (worst(mixed) >= FOCUS_CONTRAST) return mixed;
  }
  return '#000000';
}

function toHex(channels: number[]): string {
  return '#' + channels.map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('');
}
