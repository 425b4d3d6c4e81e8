import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isEditorFile } from './content/editor-files.js';

/** Feeds every file below `dir` (names and bytes, in a fixed order) into `h`; editors' own files are left out. */
export function hashTree(h: Hash, dir: string, filter: (file: string) => boolean = () => true): void {
  if (!existsSync(dir)) return;
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, file);
    if (filter(file) && !file.split(sep).some(isEditorFile) && statSync(path).isFile()) h.update(file).update(readFileSync(path));
  }
}
