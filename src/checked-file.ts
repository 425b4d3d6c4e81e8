import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

// Cache files that carry a checksum of their bytes (and of what they were made from, `from`):
// a damaged, cut-short or stale file reads as missing, so it is made again.

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
    const bytes = readFileSync(file);
    const data = bytes.subarray(CHECKSUM_BYTES);
    return checksum(data, from).equals(bytes.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the file in one rename, so that a reader in another process or thread sees the old
 * file or the new one. A cache that cannot be written is not an error: the next run makes it again.
 */
export function writeChecked(file: string, data: Uint8Array, from = ''): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temp, Buffer.concat([checksum(data, from), data]));
    renameSync(temp, file);
  } catch {
    // A read-only or full disk costs the next run its head start, nothing else.
  }
}
