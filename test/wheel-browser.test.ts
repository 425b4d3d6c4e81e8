import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { CHROMIUM, launchChromium } from './helpers/chromium.js';
import { tempDir } from './helpers/files.js';

// The 360° wheel of the HTML editions (layouts/html/_wheel.hbs) as a reader sees it in
// Chromium: its labels measured in CSS pixels, in Danish, English and the pseudo-locale,
// whose long words shrink a label the most.

const LANGUAGES = ['da', 'en', 'qps'];
const PAGES = ['360-graders-blik.html', 'plakat-360.html'];

interface Measured {
  width: number;
  smallest: { px: number; text: string };
  outside: string[];
}

describe.skipIf(!existsSync(CHROMIUM))('the wheel on the web pages', () => {
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    out = join(tempDir('wheel'), 'out');
    const built = await runInProcess(['build', '--only', 'actors,poster', '--lang', LANGUAGES.join(','), '--content', contentCopy(), '--out', out, '--quiet'], 120_000);
    expect(built.code, built.err).toBe(0);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The wheel's rendered width, its smallest label in CSS pixels, and any label line that reaches past the wheel. */
  async function measure(path: string, width: number): Promise<Measured> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      await page.goto('file://' + join(out, path));
      return await page.evaluate(() => {
        const svg = document.querySelector('svg.wheel') as SVGSVGElement;
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')];
        // The SVG's units (mm) to CSS pixels: a label's type size times this is the size a reader sees.
        const scale = box.width / svg.viewBox.baseVal.width;
        const sizes = texts.map((t) => ({ px: Number(t.getAttribute('font-size')) * scale, text: t.textContent ?? '' }));
        const outside = texts.filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5;
        });
        return { width: box.width, smallest: sizes.reduce((a, b) => (b.px < a.px ? b : a)), outside: outside.map((t) => t.textContent ?? '') };
      });
    } finally {
      await page.close();
    }
  }

  it('grows on a wide screen, so that its smallest label reads at 12 px or more at 1280 px', async () => {
    const small: string[] = [];
    for (const language of LANGUAGES) {
      for (const file of PAGES) {
        const m = await measure(`${language}/${file}`, 1280);
        if (m.smallest.px < 12) small.push(`${language}/${file}: "${m.smallest.text}" at ${m.smallest.px.toFixed(1)} px (wheel ${m.width} px wide)`);
        expect(m.outside, `${language}/${file}`).toEqual([]);
      }
    }
    expect(small).toEqual([]);
  }, 60_000);

  it('keeps to the column on a 320 px phone, every label inside the wheel', async () => {
    for (const language of LANGUAGES) {
      const m = await measure(`${language}/${PAGES[0]}`, 320);
      expect(m.width).toBeLessThanOrEqual(320 - 2 * 16);
      expect(m.outside, language).toEqual([]);
    }
  }, 60_000);
});
