import { describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { localize } from '../src/i18n/translator.js';
import { cli, spawnKernekit } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';
import { CONTENT, contentCopy } from './helpers/content.js';
import { join } from 'node:path';

describe('dates per language', () => {
  const kit = loadKit(CONTENT);
  it.each([
    ['da', '3. marts 2015'],
    ['en', '3 March 2015'],
    ['sv', '3 mars 2015'],
    ['uk', '3 березня 2015'],
  ])('%s writes 3 March 2015 as "%s"', (language, written) => {
    expect(localize(kit, CONTENT, language).formatDate('2015-03-03')).toBe(written);
  });

  it('checks the glyphs of a date made by Intl: a Tamil guide (no face of the kit has Tamil) stops at once, naming the date in kit.yaml, and the process ends', async () => {
    const dir = contentCopy();
    expect((await cli(['i18n', 'extract', '--lang', 'ta', '--content', dir])).code).toBe(0);
    // A real process with a time limit: the error comes before anything renders, and the process ends.
    const r = await spawnKernekit(['build', '--content', dir, '--out', join(tempDir('dates'), 'out'), '--lang', 'ta', '--only', 'guide'], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kit\.yaml:\d+:\d+ source\.publications\.date: In ta, 2015-03-03 is written ".*மார்ச்.*" .*the fonts cannot print U\+/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
