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
  const rgb = parseHex(accent);
  const worst = (c: number[]) => Math.min(...backgrounds.map((b) => contrastRatio(c, parseHex(b))));
  // Mixing with black only lowers luminance, so the first step that reaches 3:1 is the palest that does.
  for (let step = 0; step <= 20; step++) {
    const mixed = rgb.map((v) => Math.round(v * (1 - step / 20)));
    if (worst(mixed) >= FOCUS_CONTRAST) return toHex(mixed);
  }
  return '#000000';
}

/** The WCAG contrast ratio of two sRGB colours given as 0–255 channels. */
export function contrastRatio(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function parseHex(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function toHex(rgb: number[]): string {
  return '#' + rgb.map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('');
}
