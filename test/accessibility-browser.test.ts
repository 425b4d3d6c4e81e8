import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto } from './helpers/build.js';
import { AXE, CHROMIUM, launchChromium, WCAG_21_AA } from './helpers/chromium.js';
const LANGUAGES = ['da', 'en', 'qps'];
/** Desktop, and the narrowest phone WCAG's reflow criterion (1.4.10) names. */
const WIDTHS = [1280, 320];

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
}

describe.skipIf(!existsSync(CHROMIUM))('every web page of the kit under axe-core', () => {
  let out: string;
  let pages: string[];
  let browser: Browser;

  beforeAll(async () => {
    // With groups, so the print pack's web editions are among the pages.
    ({ out } = await buildInto({ lang: LANGUAGES.join(','), participants: '8', groups: '2' }));
    pages = ['index.html', 'tilgaengelighed.html', ...LANGUAGES.flatMap((l) => readdirSync(join(out, l)).filter((f) => f.endsWith('.html')).map((f) => `${l}/${f}`))];
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('finds no WCAG 2.1 A or AA violation on index.html, the accessibility page, every HTML edition and the planner page in da, en and qps, at 1280 and 320 px', async () => {
    // 12 a language: the web editions of 9 PDFs (4 of them worksheets), the print pack's two, and the planner page.
    expect(pages.length).toBe(2 + 36);
    const found: string[] = [];
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.addInitScript(AXE);
      for (const path of pages) {
        await page.goto('file://' + join(out, path));
        const result = (await page.evaluate((tags) => (window as unknown as { axe: { run(d: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_21_AA)) as AxeResult;
        for (const v of result.violations) found.push(`${path} at ${width} px: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        // Reflow: nothing may make the page scroll sideways.
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (sideways) found.push(`${path} at ${width} px: the page scrolls sideways`);
      }
      await page.close();
    }
    expect(found).toEqual([]);
  }, 900_000);

  it('draws every web page in Source Sans 3 from the folder’s fonts/ (WOFF2), with no request leaving the folder', async () => {
    const loaded: Record<string, string[]> = {};
    const outside: string[] = [];
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith('file://' + out + '/')) outside.push(r.url());
    });
    const fontFiles: string[] = [];
    page.on('requestfinished', (r) => {
      if (r.resourceType() === 'font') fontFiles.push(r.url().slice(`file://${out}/`.length));
    });
    for (const path of pages) {
      await page.goto('file://' + join(out, path));
      loaded[path] = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replaceAll('"', '')} ${f.weight} ${f.style}`);
      });
    }
    await page.close();
    for (const path of pages) expect(loaded[path], path).toContain('Source Sans 3 400 normal');
    // Headings and labels in bold, quotations in italics: the guide has both.
    expect(loaded['da/facilitatorguide.html']).toEqual(expect.arrayContaining(['Source Sans 3 700 normal', 'Source Sans 3 400 italic']));
    expect(fontFiles).toContain('fonts/SourceSans3-Regular.woff2');
    for (const file of fontFiles) expect(file).toMatch(/^fonts\/SourceSans3-\w+\.woff2$/);
    expect(outside).toEqual([]);
  }, 300_000);

  it('keeps every document card of index.html inside its border at 320 and 640 px, the English misunderstandings card too', async () => {
    const spills: string[] = [];
    for (const width of [320, 640]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto('file://' + join(out, 'index.html'));
      const cards = await page.$$eval('li.document', (lis) =>
        lis.map((li) => {
          const box = li.getBoundingClientRect();
          const inside = [...li.querySelectorAll('*')].every((e) => {
            const r = e.getBoundingClientRect();
            return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
          });
          return { title: li.querySelector('h3')?.textContent ?? '', inside };
        }),
      );
      expect(cards.some((c) => c.title === 'Three typical misunderstandings about the core task')).toBe(true);
      for (const c of cards) if (!c.inside) spills.push(`${c.title} at ${width} px`);
      await page.close();
    }
    expect(spills).toEqual([]);
  }, 120_000);

  it('lets the keyboard reach and type into every field of a worksheet, with the field named by its prompt', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto('file://' + join(out, 'da/gruppeark-borgerne.html'));
    const fields = await page.locator('textarea').count();
    expect(fields).toBeGreaterThan(0);
    const names: string[] = [];
    for (let i = 0; i < fields + 2; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLTextAreaElement | null;
        return el?.tagName === 'TEXTAREA' ? (el.labels?.[0]?.textContent ?? '').trim() : null;
      });
      if (name !== null) {
        names.push(name);
        await page.keyboard.type('Borgerne');
      }
    }
    expect(names.length).toBe(fields);
    for (const n of names) expect(n.length).toBeGreaterThan(5);
    expect(await page.locator('textarea').first().inputValue()).toBe('Borgerne');
    await page.close();
  }, 120_000);
});
