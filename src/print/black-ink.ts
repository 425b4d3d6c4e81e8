import { mapNodes } from '../render/nodes.js';

/**
 * On press, a grey mixed from cyan, magenta, yellow and black smears when the plates are a
 * hair out of register, and small text goes soft. Black and grey meant as such are printed
 * in black ink only: every neutral "#RRGGBB" text or line colour becomes a CMYK colour with
 * only K (pdfkit takes CMYK as percentages), white included, which prints no ink at all.
 */
export function blackInk<T>(layout: T): T {
  return mapNodes(layout, undefined, {
    value: (key, value) => ((key === 'color' || key === 'lineColor') && typeof value === 'string' ? (kOnly(value) ?? value) : value),
  });
}

/** The K-only CMYK of a neutral grey, or undefined for a colour with a hue. */
function kOnly(hex: string): [number, number, number, number] | undefined {
  const m = /^#([0-9A-Fa-f]{2})\1\1$/.exec(hex);
  if (!m) return undefined;
  const grey = parseInt(m[1]!, 16) / 255;
  return [0, 0, 0, Math.round((1 - grey) * 1000) / 10];
}
