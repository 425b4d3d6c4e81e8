/**
 * Colour arithmetic for print: how far apart two colours look (CIEDE2000) and how well
 * a colour reads as text on white (WCAG contrast). sRGB in, D65 white.
 */

/** CIELAB: lightness 0–100 and the two opponent axes. */
export type Lab = [number, number, number];

/** A "#RRGGBB" colour's channels, 0–255. */
export function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function channels(hex: string): [number, number, number] {
  return rgb(hex).map((v) => v / 255) as [number, number, number];
}

/** sRGB's transfer curve undone: light in proportion to the energy. */
function linear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a "#RRGGBB" colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The WCAG contrast ratio of a colour against white paper, from 1 to 21. */
export function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** A "#RRGGBB" colour in CIELAB (D65). */
export function lab(hex: string): Lab {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const xyz = [
    (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047,
    0.2126729 * r + 0.7151522 * g + 0.072175 * b,
    (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883,
  ];
  const [fx, fy, fz] = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** Hue angle in degrees, 0–360; 0 for a grey. */
function hue(a: number, b: number): number {
  return a === 0 && b === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360;
}

/**
 * The CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation): about 1 is the
 * smallest difference a trained eye sees side by side; colours must differ far more to be
 * told apart on separate cards under office light.
 */
export function deltaE2000(hex1: string, hex2: string): number {
  return labDifference(lab(hex1), lab(hex2));
}

/** CIEDE2000 between two CIELAB colours. */
export function labDifference([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const [a1p, a2p] = [a1 * (1 + g), a2 * (1 + g)];
  const [C1, C2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const [h1, h2] = [hue(a1p, b1), hue(a2p, b2)];
  const grey = C1 * C2 === 0;
  let dh = grey ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dL = L2 - L1;
  const dC = C2 - C1;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin(rad(dh / 2));
  const meanL = (L1 + L2) / 2;
  const meanCp = (C1 + C2) / 2;
  const meanH = grey ? h1 + h2 : Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2;
  const t = 1 - 0.17 * Math.cos(rad(meanH - 30)) + 0.24 * Math.cos(rad(2 * meanH)) + 0.32 * Math.cos(rad(3 * meanH + 6)) - 0.2 * Math.cos(rad(4 * meanH - 63));
  const sL = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const sC = 1 + 0.045 * meanCp;
  const sH = 1 + 0.015 * meanCp * t;
  const rT = -Math.sin(rad(60 * Math.exp(-(((meanH - 275) / 25) ** 2)))) * 2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7));
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}
