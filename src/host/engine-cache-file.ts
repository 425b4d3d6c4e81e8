import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { removeOtherVersions } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { engineKey } from '../render/engine-key.js';
import type { EngineCacheFile } from './types.js';

/**
 * `engine-<key>.json` in the cache folder, named by engineKey(), with a checksum as every
 * cache file has (checked-file.ts): a damaged file reads as no file. Files of other engines
 * are removed when the file is first written, not on every save.
 */
export function engineCacheFile(): EngineCacheFile | null {
  const dir = cacheDir();
  if (!dir) return null;
  const engine = engineKey();
  const name = `engine-${engine.slice(0, 16)}.json`;
  return {
    engine,
    read: () => readChecked(join(dir, name))?.toString('utf8'),
    write(text) {
      const first = !existsSync(join(dir, name));
      writeChecked(join(dir, name), Buffer.from(text, 'utf8'));
      if (first) removeOtherVersions(dir, name, (other) => /^engine-[0-9a-f]{16}\.json$/.test(other));
    },
  };
}
