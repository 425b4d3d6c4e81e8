import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheDir } from '../cache-dir.js';
import { engineKey } from '../render/engine-key.js';
import type { EngineCacheFile } from './types.js';

/**
 * `engine-<key>.json` in the cache folder, named by engineKey(). Threads and processes may
 * save at the same time: each replaces the file in one rename, so the file is always whole.
 * Files of other engines are removed.
 */
export function engineCacheFile(): EngineCacheFile | null {
  const dir = cacheDir();
  if (!dir) return null;
  const engine = engineKey();
  const name = `engine-${engine.slice(0, 16)}.json`;
  return {
    engine,
    read() {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(text) {
      mkdirSync(dir, { recursive: true });
      const temp = join(dir, `${name}.${process.pid}-${threadId}.tmp`);
      writeFileSync(temp, text);
      renameSync(temp, join(dir, name));
      for (const other of readdirSync(dir)) {
        if (other !== name && /^engine-[0-9a-f]{16}\.json$/.test(other)) rmSync(join(dir, other), { force: true });
      }
    },
  };
}
