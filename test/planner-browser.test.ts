import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto } from './helpers/build.js';
import { AXE, CHROMIUM, launchChromium, WCAG_21_AA } from './helpers/chromium.js';
import { runKernekit } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';

// The planner page as a facilitator meets it: the published folder opened from disk in
// Debian's Chromium, filled in, and the PDFs it makes compared with the command line's.
const PAGES: Record<string, string> = { da: 'da/planlaeg-moedet.html', en: 'en/plan-the-meeting.html' };

/** The Danish folder `kernekit build` writes with these options: the real command line, under a time limit. */
async function cliBuild(args: string[]): Promise<string> {
  const out = tempDir('out');
  const run = await runKernekit(['build', '--lang', 'da', '--out', out, ...args], { limitMs: 60_000 });
  expect(run.code, run.err).toBe(0);
  return join(out, 'da');
}

/** What `kernekit build` writes with these options into `file`. */
async function cliPdf(args: string[], file: string): Promise<Buffer> {
  return readFileSync(join(await cliBuild(args), file));
}

describe.skipIf(!existsSync(CHROMIUM))('the planner page in Chromium, opened from disk', () => {
  let out: string;
  let browser: Browser;
  /** Every request any page made, and every console error or uncaught exception. */
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    ({ out } = await buildInto({ lang: 'da,en' }));
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(language: string, width = 1280, javaScript = true): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + join(out, PAGES[language]!));
    return page;
  }

  async function meeting(page: Page, participants: string, groups: string, start: string): Promise<void> {
    await page.fill('#participants', participants);
    await page.fill('#groups', groups);
    await page.fill('#start', start);
  }

  /** Presses a button and returns the PDF the page hands over, with the time from the press to the file. */
  async function download(page: Page, button: string): Promise<{ bytes: Buffer; name: string; ms: number }> {
    const started = Date.now();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(button)]);
    const path = await file.path();
    return { bytes: readFileSync(path), name: file.suggestedFilename(), ms: Date.now() - started };
  }

  it('makes the two meetings’ guides and a deck of two categories byte for byte as the command line, with no request leaving the folder', async () => {
    const page = await open('da');
    await meeting(page, '24', '4', '13:00');
    // Exercise 1 is ticked when the page opens.
    const first = await download(page, '#guide-button');
    expect(first.name).toBe('facilitatorguide.pdf');
    expect(Buffer.compare(first.bytes, await cliPdf(['--only', 'guide', '--exercises', '1', '--participants', '24', '--groups', '4', '--start', '13:00'], 'facilitatorguide.pdf'))).toBe(0);

    // Exercises 3 and 1, in that order, reordered from the keyboard; a break, and a meeting too short for them.
    await meeting(page, '23', '4', '09:00');
    await page.fill('#break', '10');
    await page.fill('#minutes', '90');
    await page.check('input[name=exercise][value="3"]');
    // The focus stays on the button of the exercise moved, so pressing again moves it on.
    await page.focus('#exercise-order li:nth-child(3) button[data-move="-1"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#order-status')).toBe('Øvelse 3 · For eller sammen med borgerne? er nu nummer 1 af 4.');
    const second = await download(page, '#guide-button');
    const cliArgs = ['--only', 'guide', '--exercises', '3,1', '--break', '10', '--minutes', '90', '--participants', '23', '--groups', '4', '--start', '09:00'];
    expect(Buffer.compare(second.bytes, await cliPdf(cliArgs, 'facilitatorguide.pdf'))).toBe(0);
    // The print pack for the same meeting, its card stock and its paper, as --groups makes them.
    const pack = await download(page, '#pack-button');
    expect(pack.name).toBe('pakke-karton.pdf');
    const paper = await download(page, '#paper-button');
    expect(paper.name).toBe('pakke-papir.pdf');
    const packOut = await cliBuild(cliArgs.map((a) => (a === 'guide' ? 'pack' : a)));
    expect(Buffer.compare(pack.bytes, readFileSync(join(packOut, 'pakke-karton.pdf')))).toBe(0);
    expect(Buffer.compare(paper.bytes, readFileSync(join(packOut, 'pakke-papir.pdf')))).toBe(0);
    // Measured, not asserted: the machine is shared. The figures are in the README.
    console.log(`planner: first guide ${first.ms} ms, second ${second.ms} ms after the press`);

    await page.uncheck('input[name=part][value=actors]');
    await page.selectOption('#paper', 'letter');
    await page.check('input[name=duplex][value=short]');
    const deck = await download(page, '#deck-button');
    expect(deck.name).toBe('spoergsmaalskort.pdf');
    const cli = await cliPdf(['--only', 'cards', '--categories', 'exercises,misunderstandings', '--paper', 'letter', '--duplex', 'short'], 'spoergsmaalskort.pdf');
    expect(Buffer.compare(deck.bytes, cli)).toBe(0);
    expect(await page.textContent('#deck-status')).toBe('Spørgekort er lavet og hentet.');
    // The meeting's status tells of its last download, the pack's paper.
    expect(await page.textContent('#guide-status')).toBe('Papir til mødet er lavet og hentet.');
    await page.context().close();

    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('shows the plan at once: clock times, the split into groups and what to print, for the exercises ticked', async () => {
    const page = await open('en');
    await meeting(page, '24', '4', '13:00');
    const plan = await page.textContent('#plan');
    expect(plan).toContain('24 participants in 4 groups of 6');
    expect(plan).toContain('13:00–13:05');
    // As the guide says it: the documents are in the print pack, whose files are counted in sheets.
    expect(plan).toContain('In the print pack');
    expect(plan).toMatch(/Print pack on paper: pakke-papir\.pdf\d+ sheets \(\d+ pages\)/);
    expect(plan).not.toContain('Exercise 2');
    await page.check('input[name=exercise] >> nth=1');
    expect(await page.textContent('#plan')).toContain('Exercise 2');
    await page.context().close();
  }, 120_000);

  it('chains the ticked exercises with the break, shows their group tables, and warns when they overrun the meeting', async () => {
    const page = await open('da');
    await meeting(page, '23', '4', '09:00');
    await page.fill('#break', '10');
    await page.fill('#minutes', '120');
    await page.check('input[name=exercise][value="3"]');
    const plan = (await page.textContent('#plan'))!;
    expect(plan).toContain('Øvelse 1 · Hvem definerer kerneopgaven? (09:00–10:00)');
    expect(plan).toContain('Pause 10:00–10:10');
    expect(plan).toContain('Øvelse 3 · For eller sammen med borgerne? (10:10–11:05)');
    expect(plan).toContain('Gruppe 45 personer');
    expect(plan).toContain('Gruppe 1 og 4 arbejder med det samme perspektiv');
    expect(plan).toContain('Slut kl. 11:05 (125 min i alt)');
    expect(plan).toContain('Øvelserne varer 5 min længere end de 120 min, mødet har.');
    await page.context().close();
  }, 120_000);

  it('checks a field as it is left, and a missing exercise when the form is sent', async () => {
    const page = await open('da');
    await page.fill('#break', 'ti');
    expect(await page.textContent('#break-error')).toBe('');
    await page.focus('#minutes');
    expect(await page.textContent('#break-error')).toBe('»ti« er ikke et antal minutter fra 0 til 240. Skriv et helt tal, fx 10.');
    expect(await page.getAttribute('#break', 'aria-invalid')).toBe('true');
    await page.fill('#break', '5');
    expect(await page.textContent('#break-error')).toBe('');
    await page.uncheck('input[name=exercise][value="1"]');
    await page.click('#guide-button');
    expect(await page.textContent('#exercises-error')).toBe('Vælg mindst én øvelse for at se dens plan.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('exercise');
    await page.context().close();
  }, 120_000);

  it('says what is wrong next to the field, as the command line checks it, and announces it', async () => {
    const page = await open('da');
    await meeting(page, '20', '30', '25:00');
    await page.click('#guide-button');
    expect(await page.textContent('#groups-error')).toBe('I er 20 deltagere, og hver gruppe skal have mindst én person. Skriv et helt tal fra 1 til 20.');
    expect(await page.textContent('#start-error')).toContain('»25:00« er ikke et klokkeslæt');
    expect(await page.getAttribute('#groups', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#groups', 'aria-describedby')).toContain('groups-error');
    expect(await page.getAttribute('#groups-error', 'aria-live')).toBe('polite');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('groups');
    expect(await page.textContent('#guide-status')).toBe('Ret det markerede, så kan guiden laves.');
    // The range goes with the number that misses it: "1" is a number, just not one of participants.
    await meeting(page, '1', '', '');
    await page.click('#guide-button');
    expect(await page.textContent('#participants-error')).toBe('»1« er ikke et antal deltagere fra 2 til 500. Skriv et helt tal, fx 24.');
    // The command line refuses the same values.
    const run = await runKernekit(['build', '--only', 'guide', '--participants', '20', '--groups', '30', '--out', tempDir('out')], { limitMs: 30_000 });
    expect(run.code).toBe(2);
    expect(run.err).toContain('--groups 30 is more than --participants 20: every group needs at least one person. Write a whole number from 1 to 20.');
    await page.context().close();
  }, 120_000);

  it('passes axe-core (WCAG 2.1 A and AA) at 1280 and 320 px in da and en, filled in and with errors shown, without scrolling sideways', async () => {
    const found: string[] = [];
    for (const language of ['da', 'en']) {
      for (const width of [1280, 320]) {
        const page = await open(language, width);
        await page.addScriptTag({ content: AXE });
        await meeting(page, '24', '40', '13:00');
        await page.check('input[name=exercise] >> nth=2');
        await page.click('#guide-button');
        const result = (await page.evaluate((tags) => (window as unknown as { axe: { run(d: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_21_AA)) as {
          violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
        };
        for (const v of result.violations) found.push(`${language} at ${width} px: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) found.push(`${language} at ${width} px scrolls sideways`);
        await page.context().close();
      }
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('without JavaScript says what it would do and links the general guide', async () => {
    const page = await open('da', 1280, false);
    expect(await page.isVisible('#planner')).toBe(false);
    const text = await page.textContent('main');
    expect(text).toContain('JavaScript');
    expect(await page.getAttribute('noscript a >> nth=0', 'href')).toBe('facilitatorguide.pdf');
    await page.context().close();
  }, 60_000);

  it('is linked from index.html in each language, valid HTML, and within 1.5 MB (1,500,000 bytes) with its scripts, fonts and data', async () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const path of Object.values(PAGES)) expect(index).toContain(`href="${path}"`);
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    for (const [language, path] of Object.entries(PAGES)) {
      const report = await validator.validateString(readFileSync(join(out, path), 'utf8'), path);
      expect(report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
      const bytes = [path, 'planner-data.js', 'planner.js', 'planner-fonts.js'].reduce((n, f) => n + statSync(join(out, f === path ? f : `${language}/${f}`)).size, 0);
      expect(bytes).toBeLessThan(1_500_000);
    }
  });
});
