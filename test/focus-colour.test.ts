import { describe, expect, it } from 'vitest';
import { focusColour, PAGE_BACKGROUNDS } from '../src/writers/focus-colour.js';
import { contrastRatio, rgb } from '../src/print/colour.js';
import { indexPage } from '../src/writers/index-page.js';
import { loadKit } from '../src/content/load.js';
import { localize } from '../src/i18n/translator.js';
import { CONTENT } from './helpers/content.js';

const worstContrast = (colour: string) => Math.min(...PAGE_BACKGROUNDS.map((b) => contrastRatio(colour, b)));

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

  it('never yields an outline under 3:1, whatever the accent', () => {
    for (let i = 0; i < 4096; i++) {
      const hex = '#' + [i >> 8, (i >> 4) & 15, i & 15].map((n) => (n * 17).toString(16).padStart(2, '0')).join('').toUpperCase();
      expect(worstContrast(focusColour(hex)), hex).toBeGreaterThanOrEqual(3);
    }
  });

  it('is what the index page outlines focused links with, not the pale accent itself', () => {
    const loc = localize(loadKit(CONTENT), CONTENT, 'da');
    const html = indexPage({ kit: 'kerneopgaven', kernekit: '0', languages: ['da'], files: [] }, [loc], { accent: '#FFD200', organisation: null });
    expect(html).toContain('--accent: #FFD200');
    expect(html).toContain(`--focus: ${focusColour('#FFD200')}`);
    expect(html).toMatch(/a:focus-visible \{ outline: 3px solid var\(--focus\)/);
  });
});
