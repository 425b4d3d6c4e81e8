import { isAbsolute, relative, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import { cacheDir } from './cache-dir.js';
import { readRegularFile } from './regular-file.js';
import { writeInside } from './write-inside.js';

// Cache files that carry a checksum of their bytes (and of what they were made from, `from`):
// a damaged, cut-short or stale file reads as missing, so it is made again. They live in the
// cache folder (cache-dir.ts) and nowhere else; a link found in it is neither read nor
// written through, and a pipe or device is not read.

/** Far more than the largest cache file (the code cache of the render bundle, a few megabytes). */
const MAX_BYTES = 256 * 1024 * 1024;

// CRC-32: damage, not tampering, is what it guards against, and it reads a code cache of a
// few megabytes in half a millisecond where SHA-256 took seven.
const CHECKSUM_BYTES = 4;
const checksum = (data: Uint8Array, from: string) => {
  const sum = Buffer.alloc(CHECKSUM_BYTES);
  sum.writeUInt32LE(crc32(data, crc32(from)));
  return sum;
};

/** The file's bytes if it is whole and was made from `from`; undefined otherwise. */
export function readChecked(file: string, from = ''): Buffer | undefined {
  try {
    const read = readRegularFile(file, MAX_BYTES, true);
    if (!read.ok) return undefined;
    const bytes = read.bytes;
    const data = bytes.subarray(CHECKSUM_BYTES);
    return checksum(data, from).equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the file in one rename (see writeInside), so that a reader in another process or
 * thread sees the old file or the new one. A cache that cannot be written is not an error:
 * the next run makes it again. A path outside the cache folder is never written.
 */
export function writeChecked(file: string, data: Uint8Array, from = ''): void {
  const root = cacheDir();
  const inner = root === null ? '' : relative(root, file);
  if (inner === '' || inner.startsWith('..') || isAbsolute(inner)) return;
  try {
    writeInside(root!, inner.split(sep).join('/'), Buffer.concat([checksum(data, from), data]));
  } catch {
    // A read-only or full disk costs the next run its head start, nothing else.
  }
}
