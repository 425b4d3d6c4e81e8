// The planner page as a facilitator meets it, for `npm run bench`: Debian's Chromium opens a
// language's page from the published folder on disk, the facilitator spends a moment filling in
// the meeting (the page may use it to get ready), presses "Hent facilitatorguiden", and later
// presses it again for other numbers. Timed from the press to the browser's download event.
// Also the bytes a visitor's browser loads for the page: the page itself and its scripts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

/** How long a facilitator reads and types before the first press: the page's idle time to get ready. */
const TYPING_MS = 3000;

/** The page of each language in a published folder, found by its script tags. */
export function plannerPage(folder, language) {
  const index = readFileSync(join(folder, 'index.html'), 'utf8');
  const href = [...index.matchAll(/href="([^"]+\.html)"/g)].map((m) => m[1]).find((h) => h.startsWith(`${language}/`) && /src="planner\.js"/.test(readFileSync(join(folder, h), 'utf8')));
  if (!href) throw new Error(`no planner page for ${language} in ${folder}`);
  return join(folder, href);
}

/** The page and every script it names, as bytes on disk (what a server sends uncompressed). */
export function pageBytes(page) {
  const html = readFileSync(page, 'utf8');
  const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => join(dirname(page), m[1]));
  return statSync(page).size + scripts.reduce((n, s) => n + statSync(s).size, 0);
}

/**
 * `runs` times: a new browser context opens the Danish page, waits as a facilitator types, then
 * the first guide and a later one (other numbers). Returns each run's milliseconds, or null
 * without Chromium or playwright-core.
 */
export async function plannerTimes(folder, runs, language = 'da') {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = plannerPage(folder, language);
  const first = [];
  const later = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ acceptDownloads: true });
      const tab = await context.newPage();
      await tab.goto('file://' + page);
      const meeting = async (participants, groups, start) => {
        await tab.fill('#participants', participants);
        await tab.fill('#groups', groups);
        await tab.fill('#start', start);
      };
      const press = async () => {
        const started = process.hrtime.bigint();
        await Promise.all([tab.waitForEvent('download', { timeout: 60_000 }), tab.click('#guide-button')]);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      await meeting('24', '4', '13:00');
      await tab.waitForTimeout(TYPING_MS);
      first.push(await press());
      await meeting(String(9 + i), '3', '08:30');
      later.push(await press());
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { first, later };
}
