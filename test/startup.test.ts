import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT } from './helpers/content.js';
import { tempDir } from './helpers/files.js';

const BIN = join(import.meta.dirname, '../bin/kernekit.js');
const RECORDER = join(import.meta.dirname, 'helpers/record-loads.mjs');
const work = tempDir('startup');

/** Runs one kernekit command in a fresh process and reports what it loaded and read. */
function loadsOf(args: string[]): { packages: string[]; fontReads: Record<string, number> } {
  const record = join(work, `record-${args[0]}.json`);
  execFileSync(process.execPath, ['--import', RECORDER, BIN, ...args, '--content', CONTENT], {
    cwd: work,
    env: { ...process.env, KERNEKIT_RECORD_LOADS: record },
    stdio: 'ignore',
  });
  return JSON.parse(readFileSync(record, 'utf8'));
}

const RENDERING = ['pdfmake', 'pdfkit', 'fontkit'];

describe('start-up loads only what the command needs', () => {
  it('list loads no renderer and reads no font', () => {
    const { packages, fontReads } = loadsOf(['list']);
    for (const name of RENDERING) expect(packages).not.toContain(name);
    expect(fontReads).toEqual({});
  });

  it('validate loads no renderer; it reads the fonts once, for the glyph check a build makes too', () => {
    const { packages, fontReads } = loadsOf(['validate']);
    for (const name of RENDERING) expect(packages).not.toContain(name);
    for (const [file, times] of Object.entries(fontReads)) expect(times, file).toBe(1);
  });

  it('a build loads the renderer and reads each font file once, however many documents it makes', () => {
    const { packages, fontReads } = loadsOf(['build', '--lang', 'da,en', '--only', 'cards,handout', '--out', join(work, 'out'), '--quiet', '--force']);
    for (const name of RENDERING) expect(packages).toContain(name);
    expect(Object.keys(fontReads).length).toBeGreaterThanOrEqual(2);
    for (const [file, times] of Object.entries(fontReads)) expect(times, file).toBe(1);
  });
});
