import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The absolute path with every link followed; for a path that does not exist yet, its nearest existing folder's. */
export function realPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : join(realPath(parent), basename(full));
  }
}

/** Whether `inner` is `outer` or lies below it, both taken with links followed. */
export function contains(outer: string, inner: string): boolean {
  const rel = relative(realPath(outer), realPath(inner));
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}
