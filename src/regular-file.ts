import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type RegularRead = { ok: true; bytes: Buffer } | { ok: false; refused: 'not-a-file' } | { ok: false; refused: 'too-large'; bytes: number };

/**
 * A regular file's bytes, read from one open file: a pipe is opened without waiting for a
 * writer and then refused, as are devices (a link to /dev/zero would never end) and
 * sockets, and a file over `maxBytes` is refused before a byte of it is read. `noFollow`:
 * a file that is a link is not opened at all (ELOOP). Errors of the file system are thrown.
 */
export function readRegularFile(path: string, maxBytes: number, noFollow = false): RegularRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR', syscall: 'read', path });
    if (!stat.isFile()) return { ok: false, refused: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, refused: 'too-large', bytes: stat.size };
    // A file that grows while it is read is read as long as it was.
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    for (let n; read < bytes.length && (n = readSync(fd, bytes, read, bytes.length - read, read)) > 0; ) read += n;
    return { ok: true, bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}
