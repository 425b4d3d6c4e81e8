import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../src/render/fonts.js';
import { CONTENT } from './helpers/content.js';
import { tempDir } from './helpers/files.js';

const BIN = join(import.meta.dirname, '../bin/kernekit.js');
const RECORDER = join(import.meta.dirname, 'helpers/record-loads.mjs');
const work = tempDir('startup');

/** Runs one kernekit command in a fresh process and reports what it loaded and read. */
function loadsOf(args: string[]): { packages: string[]; bundles: string[]; fontReads: Record<string, number> } {
  const record = join(work, `record-${args[0]}.json`);
  execFileSync(process.execPath, ['--import', RECORDER, BIN, ...args, '--content', CONTENT], {
    cwd: work,
    env: { ...process.env, KERNEKIT_RECORD_LOADS: record },
    stdio: 'ignore',
    timeout: 120_000,
    killSignal: 'SIGKILL',
  });
  return JSON.parse(readFileSync(record, 'utf8'));
}

// Every command starts in bundle/cli.cjs: the command line and build's up-to-date check. Each
// command's code is loaded from its own bundle when it runs: tools.cjs (init, validate, list,
// i18n) and render.cjs (the renderer: a build with work to do, watch). Neither cli nor tools
// holds the renderer; a stub there fails should it be reached.

describe('start-up loads only what the command needs', () => {
  it('--help loads nothing but the command line', () => {
    const { packages, bundles, fontReads } = loadsOf(['--help']);
    expect(bundles).toEqual(['load', 'cli']);
    expect(packages).toEqual([]);
    expect(fontReads).toEqual({});
  });

  it('list loads no renderer and reads no font', () => {
    const { packages, bundles, fontReads } = loadsOf(['list']);
    expect(bundles).toEqual(['load', 'cli', 'tools']);
    expect(packages).toEqual([]);
    expect(fontReads).toEqual({});
  });

  it('validate loads no renderer; it reads the fonts once, for the glyph check a build makes too', () => {
    const { packages, bundles, fontReads } = loadsOf(['validate']);
    expect(bundles).toEqual(['load', 'cli', 'tools']);
    expect(packages).toEqual([]);
    // Read at all: a validate that skipped the glyph check would pass a character the PDFs cannot print.
    expect(Object.keys(fontReads).map((f) => basename(f))).toEqual(expect.arrayContaining([FONT_FILES.normal, FONT_FILES.bold]));
    for (const [file, times] of Object.entries(fontReads)) expect(times, file).toBe(1);
  });

  it('a build loads the renderer and reads each font file once, however many documents it makes', () => {
    const { bundles, fontReads } = loadsOf(['build', '--lang', 'da,en', '--only', 'cards,handout', '--out', join(work, 'out'), '--quiet', '--force']);
    expect(bundles).toEqual(['load', 'cli', 'render']);
    expect(Object.keys(fontReads).length).toBeGreaterThanOrEqual(2);
    for (const [file, times] of Object.entries(fontReads)) expect(times, file).toBe(1);
  });

  it('a build that finds nothing changed ends before the renderer is loaded, and reads no font', () => {
    const args = ['build', '--lang', 'da,en', '--only', 'cards,handout', '--out', join(work, 'unchanged'), '--quiet'];
    loadsOf(args);
    const { bundles, fontReads } = loadsOf(args);
    expect(bundles).toEqual(['load', 'cli']);
    expect(fontReads).toEqual({});
  });
});
