import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isEditorFile } from './content/editor-files.js';

/** Feeds every file below `dir` (names and bytes, in a fixed order) into `h`; editors' own files are left out. */
export function hashTree(h: Hash, dir: string, filter: (file: string) => boolean = () => true): void {
  if (!existsSync(dir)) return;
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, file);
    if (filter(file) && !file.split(sep).some(isEditorFile) && statSync(path).isFile()) h.update(file).update(readForHash(path));
  }
}

/** A file's bytes; Node names a failed open "open" whether it was to read or to write, and this one was to read. */
function readForHash(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw Object.assign(err as Error, { syscall: 'read' });
  }
}
