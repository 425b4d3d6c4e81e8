import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';
import { cacheDir } from './cache-dir.js';
import { version } from './version.js';

/** The folder of the bundles, which is this file's folder once bundled (bundle/load.cjs). */
const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));
const CHECKSUM_BYTES = 32;

/**
 * Runs one of kernekit's CommonJS bundles (bundle/NAME.cjs) as Node would require it, but
 * compiled with V8's code cache from the cache folder: parsing and compiling the bundle is
 * most of what a fresh process spends before it does any work. The cache is named by
 * kernekit's and Node's versions; each file carries a checksum of its bytes and of the
 * bundle it was made from, so a damaged or stale cache is ignored and made again. When no
 * cache was used, one is made once the process is done (`at: 'exit'`, which then holds the
 * functions the command ran) or at once (`'now'`, for threads that are stopped, not ended).
 */
export function loadBundle(name: string, at: 'exit' | 'now' = 'exit'): Record<string, unknown> {
  const file = join(BUNDLE_DIR, `${name}.cjs`);
  const source = readFileSync(file, 'utf8');
  const dir = cacheDir();
  const cacheFile = dir && join(dir, 'code', `${name}-${version}-node${process.versions.node}-${process.arch}.bin`);
  const stamp = bundleStamp(file);
  const cachedData = cacheFile ? readCache(cacheFile, stamp) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    const save = () => writeCache(cacheFile, stamp, script.createCachedData());
    if (at === 'now') save();
    else process.once('exit', save);
  }
  return module.exports;
}

/** What the cache must have been made from: this bundle file, as it is now. */
function bundleStamp(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${file}\0${size}\0${mtimeMs}`;
}

const checksum = (data: Uint8Array, stamp: string) => createHash('sha256').update(stamp).update(data).digest();

function readCache(file: string, stamp: string): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    const data = bytes.subarray(CHECKSUM_BYTES);
    // V8 checks the cache only loosely; bytes damaged on disk must never reach it.
    return checksum(data, stamp).equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, stamp: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temp, Buffer.concat([checksum(data, stamp), data]));
    renameSync(temp, file);
  } catch {
    // A read-only or full disk costs the next start its head start, nothing else.
  }
}
