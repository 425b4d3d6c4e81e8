import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes a file whole or not at all: a temporary file beside it, then a rename. A file that
 * was there keeps its permissions. `path` is the file itself, not a link to it: a rename
 * would replace the link.
 */
export function writeAtomic(path: string, bytes: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  const tmp = join(dirname(path), `.${process.pid}.tmp-${Math.random().toString(36).slice(2)}`);
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    if (mode !== undefined) chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
