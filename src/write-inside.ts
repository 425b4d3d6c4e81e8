import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Writes a whole file at `path` (forward slashes) below `root`, never through a symbolic
 * link: a folder on the way or the file itself that is a link, left there by a user or
 * planted, is replaced by a folder or the file, so the bytes land below `root` and nowhere
 * else. The file is written under a new name beside it and renamed into place, which also
 * replaces a pipe or device of that name instead of opening it, and a reader in another
 * process or thread sees the old file or the new one. `root` itself is the folder the user
 * gave and may be a link.
 */
export function writeInside(root: string, path: string, data: Uint8Array | string): void {
  const parts = path.split('/');
  const name = parts.pop()!;
  let dir = root;
  for (const part of parts) folderAt((dir = join(dir, part)));
  const temp = join(dir, `.${name}.${process.pid}-${threadId}.tmp`);
  // One left by a killed process, or planted: removed (a link, not what it points at).
  rmSync(temp, { force: true });
  try {
    // 'wx' creates a new file and never opens one that is there, a link least of all.
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(dir, name));
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Makes `dir` a folder of its own: a link there is replaced; another thread making it at once is no error. */
function folderAt(dir: string): void {
  for (let attempt = 0; ; attempt++) {
    const stat = lstatSync(dir, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return;
    if (stat?.isSymbolicLink()) unlinkSync(dir);
    else if (stat) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: dir });
    try {
      mkdirSync(dir);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
    }
  }
}
