import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { keepNewest, removeOtherVersions } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { engineKey } from '../render/engine-key.js';

/**
 * Compressed PDF streams, kept in the cache folder by the sha256 of what was compressed. The
 * font subsets and most pages of a build are the bytes the last build compressed, and
 * compressing them again in JavaScript (pako, see render/pdfmake.ts) was a fifth of a fresh
 * deck's time. The folder is named by engineKey(), which covers the compressor (it is part of
 * kernekit's code), so a new kernekit never reads another's streams; a damaged file reads as
 * missing and is made again.
 */

/** Below this, compressing costs less than reading a file. */
const SMALLEST = 4096;
/** Streams the folder keeps (about 10 kB each): a ten-language kit has about 2,000. */
export const MAX_STREAMS = 5000;

let folder: string | null | undefined;

const streamFolder = () => {
  if (folder === undefined) {
    const dir = cacheDir();
    folder = dir && join(dir, `streams-${engineKey().slice(0, 16)}`);
  }
  return folder;
};

export function keptStream(data: Uint8Array, compress: (data: Uint8Array) => Uint8Array): Uint8Array {
  const dir = data.length >= SMALLEST ? streamFolder() : null;
  if (!dir) return compress(data);
  const file = join(dir, `${createHash('sha256').update(data).digest('hex')}.z`);
  const kept = readChecked(file);
  if (kept) return kept;
  const made = compress(data);
  writeChecked(file, made);
  // Other engines' streams go, and the oldest beyond MAX_STREAMS.
  removeOtherVersions(dirname(dir), basename(dir), (name) => name.startsWith('streams-'));
  keepNewest(dir, MAX_STREAMS);
  return made;
}
