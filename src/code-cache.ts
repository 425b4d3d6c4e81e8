import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir } from './cache-dir.js';
import { removeOtherVersions } from './cache-trim.js';
import { readChecked, writeChecked } from './checked-file.js';
import { version } from './version.js';

/** What names a bundle's code cache besides the bundle: the versions of kernekit and Node that made it. */
const CACHE_SUFFIX = `-${version}-node${process.versions.node}-${process.arch}.bin`;

/** The folder of the bundles, which is this file's folder once bundled (bundle/load.cjs). */
const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Runs one of kernekit's CommonJS bundles (bundle/NAME.cjs) as Node would require it, but
 * compiled with V8's code cache from the cache folder: parsing and compiling the bundle is
 * most of what a fresh process spends before it does any work. The cache is named by
 * kernekit's and Node's versions; each file carries a checksum of its bytes and of the
 * bundle it was made from, so a damaged or stale cache is ignored and made again.
 *
 * A cache holds the functions that had run when it was made, so it is made once the process
 * is done (`at: 'exit'`), and made again by a process that ran more than twice as long as the
 * one that made it: an unchanged rebuild's cache, which holds little of the renderer, gives
 * way to a build's. Threads that are stopped rather than ended make theirs at once (`'now'`).
 */
export function loadBundle(name: string, at: 'exit' | 'now' = 'exit'): Record<string, unknown> {
  const started = performance.now();
  const file = join(BUNDLE_DIR, `${name}.cjs`);
  // ASCII, which scripts/bundle.mjs makes sure of: read as Latin-1, a third faster than UTF-8.
  const source = readFileSync(file, 'latin1');
  const dir = cacheDir();
  const cacheFile = dir && join(dir, 'code', `${name}${CACHE_SUFFIX}`);
  const stamp = bundleStamp(file);
  // V8 checks a cache only loosely: bytes damaged on disk must never reach it.
  const kept = cacheFile ? readChecked(cacheFile, stamp) : undefined;
  // The first 8 bytes: how long the process that made the cache ran, in milliseconds.
  const madeInMs = kept && kept.length > 8 ? kept.readDoubleLE(0) : 0;
  const cachedData = kept && kept.length > 8 ? kept.subarray(8) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (!cacheFile) return module.exports;
  const save = () => {
    const ranMs = performance.now() - started;
    if (cachedData && !script.cachedDataRejected && ranMs <= 2 * madeInMs) return;
    const header = Buffer.alloc(8);
    header.writeDoubleLE(ranMs);
    saveCache(cacheFile, Buffer.concat([header, script.createCachedData()]), stamp);
  };
  if (at === 'now') save();
  else process.once('exit', save);
  return module.exports;
}

/**
 * What the cache must have been made from: this bundle as it is now. Not its path, so that
 * copies of one version installed in several projects share one cache.
 */
function bundleStamp(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${size}\0${mtimeMs}`;
}

/**
 * Caches of other versions of kernekit or Node are removed when a new one is written, those of
 * bundles an earlier version had and this one has not among them; this version's other bundles' stay.
 */
function saveCache(file: string, data: Buffer, stamp: string): void {
  writeChecked(file, data, stamp);
  removeOtherVersions(dirname(file), basename(file), (other) => other.endsWith('.bin') && !other.endsWith(CACHE_SUFFIX));
}
