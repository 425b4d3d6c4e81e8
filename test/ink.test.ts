import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto } from './helpers/build.js';
import { defaultDeck } from './helpers/fixture-kit.js';
import { tempDir } from './helpers/files.js';

// Ink as Ghostscript's ink_cov device counts it: per page, the share of the page that each
// of C, M, Y and K covers, added up (400 % is solid black on solid colour everywhere).
const hasGhostscript = spawnSync('gs', ['--version'], { encoding: 'utf8' }).status === 0;

/** Per page, C+M+Y+K in per cent. */
function inkPerPage(pdf: Buffer): number[] {
  const file = join(tempDir('ink'), 'deck.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-o', '-', '-sDEVICE=ink_cov', file], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).slice(0, 4).map(Number).reduce((a, b) => a + b, 0));
}

const deck = async (args: Parameters<typeof buildInto>[0] = {}) => (await buildInto({ only: 'cards', ...args })).read('da', 'spoergsmaalskort.pdf');

describe.skipIf(!hasGhostscript)('ink on the card deck (Ghostscript ink_cov)', () => {
  it('stays at or below 60 % on every page of the default deck, light backs included', async () => {
    const pages = inkPerPage(await defaultDeck());
    expect(pages).toHaveLength(14);
    expect(Math.max(...pages)).toBeLessThanOrEqual(60);
  });

  it('is the full colour a print shop expects with --backs full', async () => {
    const pages = inkPerPage(await deck({ backs: 'full' }));
    const backs = pages.filter((_, i) => i >= 2 && i % 2 === 1);
    expect(Math.min(...backs)).toBeGreaterThan(100);
  });
});
