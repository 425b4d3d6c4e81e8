import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { tempDir } from './helpers/files.js';

// Debian's Chromium, never a downloaded one; .ci/run installs it. Without it this file is skipped.
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.pdf': 'application/pdf', '.zip': 'application/zip', '.json': 'application/json' };

describe.skipIf(!existsSync(CHROMIUM))('index.html in a real browser', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = tempDir('browser');
    const out = join(dir, 'out');
    const code = await main(['build', '--only', 'cards', '--lang', 'da,en', '--quiet', '--out', out], { out: () => {}, err: () => {} });
    expect(code).toBe(0);
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
      const file = join(out, path);
      if (!file.startsWith(out) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it('loads every thumbnail and link from the folder, with no console errors and no outside requests', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith(base) && outside.push(r.url()));
    await page.goto(base + 'index.html', { waitUntil: 'load' });
    const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0, alt: i.alt })));
    expect(images.length).toBe(2);
    for (const img of images) {
      expect(img.ok, img.src!).toBe(true);
      // A thumbnail repeats the heading beside it: decorative, so a screen reader skips it.
      expect(img.alt).toBe('');
    }
    const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links.filter((h) => !h.includes('#'))) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('sets lang on the page and on each language section, with real headings', async () => {
    const page = await browser.newPage();
    await page.goto(base + 'index.html');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.$$eval('section', (s) => s.map((x) => x.getAttribute('lang')))).toEqual(['da', 'en']);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('section h2').count()).toBe(2);
    await page.close();
  });

  it('lets the keyboard reach every download link', async () => {
    const page = await browser.newPage();
    await page.goto(base + 'index.html');
    const downloads = await page.$$eval('a[download]', (as) => as.map((a) => a.getAttribute('href')));
    expect(downloads.length).toBe(4);
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
      if (href) reached.add(href);
    }
    for (const d of downloads) expect(reached.has(d!), d!).toBe(true);
    const names = await page.$$eval('a[download]', (as) => as.map((a) => a.textContent ?? ''));
    for (const n of names) expect(n, 'a link says what it downloads').toMatch(/PDF|zip/);
    await page.close();
  });
});
