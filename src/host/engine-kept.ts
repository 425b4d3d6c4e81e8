import { basename, dirname, join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { keepNewest, removeOtherVersions } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { engineKey } from '../render/engine-key.js';
import { engineSeeded } from '../cache-seed.js';

/**
 * What the engine worked out as bytes (compressed streams, font subsets), kept in the cache
 * folder in `<folder>-<engine>/`: named by engineKey(), which covers kernekit's code (pako
 * and fontkit are part of it) and the fonts, so a new kernekit or font never reads another's.
 * A damaged file reads as missing and is made again; a missing one is taken from the
 * package's seed (cache-seed.ts) where it has it.
 */

/** Files each folder keeps (about 10 kB each): a ten-language kit has about 2,000 streams. */
export const MAX_KEPT_BYTES = 5000;

const folders = new Map<string, string | null>();

function engineFolder(folder: string): string | null {
  let dir = folders.get(folder);
  if (dir === undefined) {
    const cache = cacheDir();
    folders.set(folder, (dir = cache && join(cache, `${folder}-${engineKey().slice(0, 16)}`)));
  }
  return dir;
}

export function engineKept(folder: string, key: () => string, make: () => Uint8Array): Uint8Array {
  const dir = engineFolder(folder);
  if (!dir) return make();
  const file = join(dir, key());
  const kept = readChecked(file);
  if (kept) return kept;
  const made = engineSeeded(`${folder}/${basename(file)}`) ?? make();
  writeChecked(file, made);
  // Other engines' files go, and the oldest beyond MAX_KEPT_BYTES.
  removeOtherVersions(dirname(dir), basename(dir), (name) => new RegExp(`^${folder}-[0-9a-f]{16}$`).test(name));
  keepNewest(dir, MAX_KEPT_BYTES);
  return made;
}
