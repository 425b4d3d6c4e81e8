import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';

// The bundle (what bin/kernekit.js runs), its V8 code cache and the thumbnails and compressed
// streams and font subsets kept in the cache folder save time and change no byte of what a build writes.

const BIN = join(import.meta.dirname, '../bin/kernekit.js');
const ARGS = ['build', '--lang', 'da,en', '--only', 'cards,handout', '--quiet'];
const work = tempDir('bundle-caches');

/** The bundled CLI (of this package, or of a copy of it) in a fresh process with its own cache folder, under a time limit. */
function cli(out: string, cache: string, bin = BIN, args = [...ARGS, '--content', CONTENT, '--out', out]): void {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, KERNEKIT_CACHE_DIR: cache },
  });
  expect(r.error, 'kernekit did not finish within 120 s').toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
}

/** The PDFs, thumbnails and zips of an output folder, each with its sha256. */
function made(out: string): Record<string, string> {
  const files = Object.entries(snapshot(out)).filter(([path]) => /\.(pdf|png|zip)$/.test(path));
  expect(files.filter(([path]) => path.endsWith('.png')).length).toBeGreaterThan(0);
  return Object.fromEntries(files);
}

const files = (dir: string) => readdirSync(dir).map((name) => join(dir, name));
const previewFiles = (cache: string) => files(cache).filter((d) => /previews-/.test(d)).flatMap(files);
/** Compressed streams and font subsets, which the engine keeps. */
const engineFiles = (cache: string) => files(cache).filter((d) => /\/(streams|subsets)-/.test(d)).flatMap(files);

/** The shaped words an engine cache file holds, counted over its fonts. */
function words(file: string): number {
  // A cache file starts with its 4-byte checksum (checked-file.ts).
  const data = JSON.parse(readFileSync(file).subarray(4).toString('utf8')) as { runs: Record<string, object> };
  return Object.values(data.runs).reduce((n, runs) => n + Object.keys(runs).length, 0);
}
const cachedWords = (cache: string) => words(files(cache).find((f) => /\/engine-[0-9a-f]{16}\.json$/.test(f))!);

/** Changes bytes in the middle of a file, as a bad disk or an interrupted copy might. */
function damage(file: string): Buffer {
  const bytes = readFileSync(file);
  for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 64 && i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0x5a;
  writeFileSync(file, bytes);
  return bytes;
}

describe('the bundle and its caches', { timeout: 240_000 }, () => {
  const cache = join(work, 'cache');
  let first: Record<string, string> | undefined;
  /** The first build into the cache folder, made by whichever case needs it first: each case runs alone (vitest -t) and in any order. */
  const cold = () => {
    if (!first) {
      cli(join(work, 'cold'), cache);
      first = made(join(work, 'cold'));
    }
    return first;
  };

  it('the bundle builds the same PDFs, thumbnails and zips as the sources, with empty caches and with full ones', async () => {
    const first = cold();
    const source = await buildInto({ lang: 'da,en', only: 'cards,handout' });
    expect(made(source.out)).toEqual(first);

    const code = files(join(cache, 'code')).map((f) => [f, statSync(f).mtimeMs] as const);
    // The command line's bundle and the renderer's, each with its cache.
    expect(code.map(([f]) => f.replace(/.*\//, '').replace(/-.*/, '')).sort()).toEqual(['cli', 'render']);
    const previews = previewFiles(cache).map((f) => [f, statSync(f).mtimeMs] as const);
    expect(previews.length).toBe(Object.keys(first).filter((p) => p.endsWith('.png')).length);
    // The font subsets, written once, and they and the larger pages compressed once.
    const streams = engineFiles(cache).map((f) => [f, statSync(f).mtimeMs] as const);
    expect(streams.filter(([f]) => f.endsWith('.ttf')).length).toBeGreaterThanOrEqual(2);
    expect(streams.filter(([f]) => f.endsWith('.z')).length).toBeGreaterThan(10);

    cli(join(work, 'warm'), cache);
    expect(made(join(work, 'warm'))).toEqual(first);
    // Used, not made again: a cache V8 rejected would have been written anew.
    for (const [file, time] of [...code, ...previews, ...streams]) expect(statSync(file).mtimeMs, file).toBe(time);
  });

  it('a damaged code cache is ignored and made again', () => {
    const first = cold();
    const caches = files(join(cache, 'code'));
    const damaged = caches.map(damage);
    cli(join(work, 'after-code-damage'), cache);
    expect(made(join(work, 'after-code-damage'))).toEqual(first);
    caches.forEach((file, i) => expect(readFileSync(file).equals(damaged[i]!), file).toBe(false));
    // And the remade cache is whole: the next run uses it rather than making it again.
    const times = caches.map((f) => statSync(f).mtimeMs);
    cli(join(work, 'after-code-remade'), cache);
    caches.forEach((file, i) => expect(statSync(file).mtimeMs, file).toBe(times[i]));
  });

  it("a code cache made by a short run gives way to a longer run's, which compiled more of the bundle", () => {
    const short = join(work, 'short-run-cache');
    cli('', short, BIN, ['--version']);
    const caches = files(join(short, 'code'));
    expect(caches.map((f) => f.replace(/.*\//, '').replace(/-.*/, ''))).toEqual(['cli']);
    const before = readFileSync(caches[0]!);
    cli(join(work, 'short-run-force'), short);
    const after = readFileSync(caches[0]!);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('a first build reads the seed the package ships, and a seed of another engine or a damaged one is not read; the PDFs are the same bytes', () => {
    const first = cold();
    const seed = join(import.meta.dirname, '../bundle/seed');
    const seedWords = words(join(seed, 'engine.json'));
    // The seed holds the whole da+en kit's words, this build asks for two families: the cache has them all.
    expect(cachedWords(cache)).toBeGreaterThanOrEqual(seedWords);
    const seededStream = readdirSync(join(seed, 'streams'))[0]!;
    expect(readFileSync(join(seed, 'streams', seededStream)).length).toBeGreaterThan(4);

    // A copy of the package whose seed names another engine: nothing of it is read.
    const copy = join(work, 'package-copy');
    for (const part of ['bin', 'bundle', 'fonts', 'layouts', 'package.json']) cpSync(join(import.meta.dirname, '..', part), join(copy, part), { recursive: true });
    symlinkSync(join(import.meta.dirname, '../node_modules'), join(copy, 'node_modules'));
    writeFileSync(join(copy, 'bundle/seed/engine'), '0'.repeat(64));
    const other = join(work, 'other-engine-cache');
    cli(join(work, 'other-engine'), other, join(copy, 'bin/kernekit.js'));
    expect(made(join(work, 'other-engine'))).toEqual(first);
    expect(cachedWords(other)).toBeLessThan(seedWords);

    // Its own engine again, but every seeded file damaged: each reads as missing.
    writeFileSync(join(copy, 'bundle/seed/engine'), readFileSync(join(seed, 'engine')));
    for (const file of readdirSync(join(copy, 'bundle/seed'), { recursive: true, withFileTypes: true })) {
      if (file.isFile() && !['engine', 'made-from'].includes(file.name)) damage(join(file.parentPath, file.name));
    }
    const damaged = join(work, 'damaged-seed-cache');
    cli(join(work, 'damaged-seed'), damaged, join(copy, 'bin/kernekit.js'));
    expect(made(join(work, 'damaged-seed'))).toEqual(first);
    expect(cachedWords(damaged)).toBeLessThan(seedWords);
  });
});
