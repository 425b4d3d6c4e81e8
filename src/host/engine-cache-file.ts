import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { removeOtherVersions } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { engineKey } from '../render/engine-key.js';
import { engineSeeded } from '../cache-seed.js';
import type { EngineCacheFile } from './types.js';

/**
 * `engine-<key>.json` in the cache folder, named by engineKey(), with a checksum as every
 * cache file has (checked-file.ts): a damaged file reads as no file. Files of other engines
 * are removed when the file is first written, not on every save. Without a file, the
 * package's seed (cache-seed.ts) is written as this engine's file and read.
 */
export function engineCacheFile(): EngineCacheFile | null {
  const dir = cacheDir();
  if (!dir) return null;
  const engine = engineKey();
  const name = `engine-${engine.slice(0, 16)}.json`;
  return {
    engine,
    read() {
      const kept = readChecked(join(dir, name))?.toString('utf8');
      if (kept !== undefined) return kept;
      // The seed becomes this machine's file at once: a build that adds nothing to it saves nothing.
      const seeded = seededFile(engine);
      if (seeded !== undefined) this.write(seeded);
      return seeded;
    },
    write(text) {
      const first = !existsSync(join(dir, name));
      writeChecked(join(dir, name), Buffer.from(text, 'utf8'));
      if (first) removeOtherVersions(dir, name, (other) => /^engine-[0-9a-f]{16}\.json$/.test(other));
    },
  };
}

/**
 * The seed's engine cache as this engine's file. It is a cache file as the build that made the
 * seed wrote it, whose engine (named first, as saveEngineCache() writes it) is renamed here
 * rather than parsed and written again: seedFitsEngine() has vouched that it is this engine.
 */
function seededFile(engine: string): string | undefined {
  const seed = engineSeeded(SEEDED_ENGINE_CACHE)?.toString('utf8');
  const named = seed === undefined ? null : /^\{"engine":"[0-9a-f]*",/.exec(seed);
  return named ? `{"engine":${JSON.stringify(engine)},${seed!.slice(named[0].length)}` : undefined;
}

/** The engine cache's name in the seed. */
export const SEEDED_ENGINE_CACHE = 'engine.json';
