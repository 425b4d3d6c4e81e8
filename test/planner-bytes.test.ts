import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Planner } from '../src/browser/planner.js';
import { runKernekit } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';
import { bundlePlanner } from './helpers/planner-bundle.js';
import { CONTENT, contentCopy } from './helpers/content.js';
import { existsSync, writeFileSync } from 'node:fs';

/** Debian's fonts-vlgothic (.ci/run installs it), the Japanese font of test/script-fonts.test.ts. */
const JAPANESE_FONT = '/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf';

/** The language's folder `kernekit build` writes with these options: the real command line, under a time limit. */
async function cliBuild(args: string[], language = 'da'): Promise<string> {
  const out = tempDir('out');
  const run = await runKernekit(['build', '--lang', language, '--out', out, ...args], { limitMs: 60_000 });
  expect(run.code, run.err).toBe(0);
  return join(out, language);
}

/** What `kernekit build` writes with these options into `file`. */
async function cliPdf(args: string[], file: string, language = 'da'): Promise<Buffer> {
  return readFileSync(join(await cliBuild(args, language), file));
}

/** The scripts a planner page loads, in order. */
const pageScripts = (folder: string) => [...readFileSync(join(folder, 'planlaeg-moedet.html'), 'utf8').matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);

const same = (browser: Uint8Array, cli: Buffer) => expect(Buffer.compare(Buffer.from(browser), cli), 'the browser bundle made other bytes than the command line').toBe(0);

describe('the planner bundle makes the same PDFs as the command line', () => {
  let da: Planner;
  beforeAll(() => {
    da = bundlePlanner('da');
  });

  it('a guide for 24 participants in 4 groups from 13:00', async () => {
    const browser = await da.guide({ participants: 24, groups: 4, start: 13 * 60 });
    const folder = await cliBuild(['--only', 'guide', '--participants', '24', '--groups', '4', '--start', '13:00']);
    same(browser, readFileSync(join(folder, 'facilitatorguide.pdf')));
    // Without an SVG logo the page neither loads nor gets the SVG drawing.
    expect(pageScripts(folder)).toEqual(['planner-fonts.js', 'planner-data.js', 'planner.js']);
    expect(existsSync(join(folder, 'planner-svg.js'))).toBe(false);
  });

  it('a guide for exercises 3 and 1 with a break and a meeting too short for them', async () => {
    const browser = await da.guide({ participants: 23, groups: 4, start: 9 * 60, exercises: ['3', '1'], breakMinutes: 10, length: 90 });
    same(browser, await cliPdf(['--only', 'guide', '--participants', '23', '--groups', '4', '--start', '09:00', '--exercises', '3,1', '--break', '10', '--minutes', '90'], 'facilitatorguide.pdf'));
  });

  it('a guide for 9 participants in 3 groups from 08:30', async () => {
    const browser = await da.guide({ participants: 9, groups: 3, start: 8 * 60 + 30 });
    same(browser, await cliPdf(['--only', 'guide', '--participants', '9', '--groups', '3', '--start', '08:30'], 'facilitatorguide.pdf'));
  });

  it('a deck of two chosen categories, short-edge duplex with full backs on Letter', async () => {
    const browser = await da.deck({ deckParts: ['exercises', 'misunderstandings'], paper: 'letter', duplex: 'short', backs: 'full' });
    const cli = await cliPdf(['--only', 'cards', '--categories', 'misunderstandings,exercises', '--paper', 'letter', '--duplex', 'short', '--backs', 'full'], 'spoergsmaalskort.pdf');
    same(browser, cli);
  });

  it('an English guide, with its British dates and English hyphenation', async () => {
    const browser = await bundlePlanner('en').guide({ participants: 24, groups: 4, start: 13 * 60 });
    same(browser, await cliPdf(['--only', 'guide', '--participants', '24', '--groups', '4', '--start', '13:00'], 'facilitatorguide.pdf', 'en'));
  });

  it('a Tigrinya guide, its labels drawn from the bundled Ethiopic face', async () => {
    const content = contentCopy('ti');
    const browser = await bundlePlanner('ti', content).guide({ participants: 12, groups: 3, start: 10 * 60 });
    same(browser, await cliPdf(['--content', content, '--only', 'guide', '--participants', '12', '--groups', '3', '--start', '10:00'], 'facilitatorguide.pdf', 'ti'));
  });

  it('a guide with the organisation’s SVG logo on its cover, drawn by the SVG script its page loads', async () => {
    const dir = tempDir('config');
    writeFileSync(join(dir, 'logo.svg'), readFileSync(join(import.meta.dirname, '../examples/logo.svg')));
    const config = join(dir, 'kernekit.config.yaml');
    writeFileSync(config, 'organisation: Eksempel Kommune\nlogo: logo.svg\n');
    const browser = await bundlePlanner('da', CONTENT, config).guide({ participants: 12, groups: 3, start: 10 * 60 });
    const folder = await cliBuild(['--config', config, '--only', 'guide', '--participants', '12', '--groups', '3', '--start', '10:00']);
    same(browser, readFileSync(join(folder, 'facilitatorguide.pdf')));
    // The page loads the SVG drawing, beside it, before the planner's script.
    expect(pageScripts(folder)).toEqual(['planner-fonts.js', 'planner-data.js', 'planner-svg.js', 'planner.js']);
    expect(existsSync(join(folder, 'planner-svg.js'))).toBe(true);
  });

  it.skipIf(!existsSync(JAPANESE_FONT))('a Japanese guide, its labels drawn from the font the config lists under fonts: (skipped without fonts-vlgothic)', async () => {
    const content = contentCopy('ja');
    const config = join(tempDir('config'), 'kernekit.config.yaml');
    writeFileSync(config, `fonts:\n  - ${JAPANESE_FONT}\n`);
    const browser = await bundlePlanner('ja', content, config).guide({ participants: 12, groups: 3, start: 10 * 60 });
    same(browser, await cliPdf(['--content', content, '--config', config, '--only', 'guide', '--participants', '12', '--groups', '3', '--start', '10:00'], 'facilitatorguide.pdf', 'ja'));
  });
});
