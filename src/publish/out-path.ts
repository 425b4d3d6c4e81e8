import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Whether `path` can name a file inside the output folder or a zip: relative, forward
 * slashes, no empty, `.` or `..` part, no backslash, colon or control character. Paths read
 * back from a published folder (which anyone may have edited) pass this before use.
 */
export function isInnerPath(path: string): boolean {
  return path.length > 0 && path.length <= 240 && !/[\\:\u0000-\u001f\u007f]/.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Whether `name` is one file name, not a path. */
export function isFileName(name: string): boolean {
  return isInnerPath(name) && !name.includes('/');
}

/**
 * The file `path` names below `root`, if it is one and lies inside `root` once links are
 * followed. The system's realpath: Node's own walks the path a part at a time, and an
 * unchanged build asks this for every file of the last one.
 */
export function fileInside(root: string, path: string): string | undefined {
  if (!isInnerPath(path)) return undefined;
  try {
    const real = realpathSync.native(join(root, path));
    return real.startsWith(realpathSync.native(root) + sep) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}
