import { describe, expect, it } from 'vitest';
import { focusColour, PAGE_BACKGROUNDS } from '../src/writers/focus-colour.js';
import { contrastRatio, rgb } from '../src/print/colour.js';
import { indexPage } from '../src/writers/index-page.js';
import { loadKit } from '../src/content/load.js';
import { localize } from '../src/i18n/translator.js';
import { CONTENT } from './helpers/content.js';

/**
 * WCAG 2.1's contrast ratio written out again from its definition, not kernekit's: the focus
 * colour is chosen with kernekit's own, so checking it with that one again would prove nothing.
 */
function wcagContrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const worstContrast = (colour: string) => Math.min(...PAGE_BACKGROUNDS.map((b) => wcagContrast(colour, b)));
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('the keyboard focus colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFD200', '#FFFFFF')).toBeCloseTo(1.45, 2);
  });

  it('darkens the pale accent "#FFD200" (1.45:1 on white) to at least 3:1, keeping its hue', () => {
    const focus = focusColour('#FFD200');
    expect(worstContrast(focus)).toBeGreaterThanOrEqual(3);
    const [r, g, b] = rgb(focus);
    expect(r).toBeGreaterThan(g);
    expect(b).toBe(0);
  });

  it('keeps an accent that already stands out', () => {
    expect(focusColour('#1D5E8C')).toBe('#1D5E8C');
    expect(focusColour('#000000')).toBe('#000000');
  });

  it('measures contrast as WCAG defines it, on published pairs', () => {
    // The ratios WebAIM's contrast checker gives for these pairs.
    for (const [a, b, ratio] of [['#767676', '#FFFFFF', 4.54], ['#777777', '#FFFFFF', 4.48], ['#0000FF', '#FFFFFF', 8.59], ['#FF0000', '#000000', 5.25]] as const) {
      expect(contrastRatio(a, b), `${a} on ${b}`).toBeCloseTo(ratio, 2);
      expect(wcagContrast(a, b), `${a} on ${b}`).toBeCloseTo(ratio, 2);
    }
  });

  it('whatever the accent, the outline stands out 3:1 and is the accent darkened no more than it must be, in its own hue', () => {
    let black = 0;
    for (let i = 0; i < 4096; i++) {
      const hex = '#' + [i >> 8, (i >> 4) & 15, i & 15].map((n) => (n * 17).toString(16).padStart(2, '0')).join('').toUpperCase();
      const focus = focusColour(hex);
      expect(worstContrast(focus), hex).toBeGreaterThanOrEqual(3);
      if (worstContrast(hex) >= 3) expect(focus, hex).toBe(hex);
      const [from, to] = [channels(hex), channels(focus)];
      // Darkened toward black by one factor: each channel keeps its share, so the hue stays.
      const factor = Math.max(...to) / Math.max(1, Math.max(...from));
      from.forEach((c, k) => expect(Math.abs(to[k]! - c * factor), `${hex} → ${focus}`).toBeLessThanOrEqual(1));
      // A twentieth less black would no longer reach 3:1 (the step focusColour darkens by).
      if (focus !== hex && focus !== '#000000') {
        const lighter = '#' + from.map((c) => Math.round(Math.min(255, c * (factor + 0.05))).toString(16).padStart(2, '0')).join('');
        expect(worstContrast(lighter), `${hex}: ${lighter} is lighter than ${focus}`).toBeLessThan(3.05);
      }
      if (focus === '#000000') black++;
    }
    // Black only where no shade of the accent's hue reaches 3:1 on both backgrounds: none does here.
    expect(black).toBe(1);
  });

  it('is what the index page outlines focused links with, not the pale accent itself', () => {
    const loc = localize(loadKit(CONTENT), CONTENT, 'da');
    const html = indexPage({ kit: 'kerneopgaven', kernekit: '0', languages: ['da'], files: [] }, [loc], { accent: '#FFD200', organisation: null });
    expect(html).toContain('--accent: #FFD200');
    expect(html).toContain(`--focus: ${focusColour('#FFD200')}`);
    expect(html).toMatch(/a:focus-visible \{ outline: 3px solid var\(--focus\)/);
  });
});
