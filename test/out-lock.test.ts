import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../src/commands/build-options.js';
import { build } from '../src/driver/build.js';
import { CONTENT } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';

function request(out: string, only: string) {
  return buildRequest({ content: CONTENT, lang: 'da', out, only, paper: 'a4', 'card-size': 'poker', duplex: 'long', bleed: 3, imposition: 'sheet' });
}

/** What the manifest lists is what the folder holds, byte for byte. */
function published(out: string): string[] {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> };
  const files = snapshot(out);
  for (const f of manifest.files) expect(files[f.path], f.path).toBe(f.sha256);
  return manifest.files.map((f) => f.path);
}

describe('two builds into one output folder', () => {
  it('take turns: the second waits for the first, and each publishes what it reports', async () => {
    const out = join(tempDir('lock'), 'out');
    const waits: number[] = [];
    const [deck, handout] = await Promise.all([
      build(request(out, 'cards')),
      build({ ...request(out, 'handout'), onWait: (pid) => waits.push(pid) }),
    ]);
    expect(waits).toEqual([process.pid]);
    const files = published(out);
    for (const f of [...deck.files, ...handout.files]) expect(files, `${f.path} was reported built`).toContain(f.path);
    expect(files).toEqual(expect.arrayContaining(['da/spoergsmaalskort.pdf', 'da/misforstaaelser.pdf']));
    expect(existsSync(join(out, '..', '.out.lock'))).toBe(false);
  }, 120_000);

  it('a lock left by a build that was killed is taken over', async () => {
    const parent = tempDir('lock');
    const gone = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    writeFileSync(join(parent, '.out.lock'), `${gone} left-behind`);
    const waits: number[] = [];
    const result = await build({ ...request(join(parent, 'out'), 'handout'), onWait: (pid) => waits.push(pid) });
    expect(waits).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['da/misforstaaelser.pdf']);
    expect(existsSync(join(parent, '.out.lock'))).toBe(false);
  }, 60_000);
});
