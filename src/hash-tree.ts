import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Feeds every file below `dir` (names and bytes, in a fixed order) into `h`. */
export function hashTree(h: Hash, dir: string, filter: (file: string) => boolean = () => true): void {
  if (!existsSync(dir)) return;
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, file);
    if (filter(file) && statSync(path).isFile()) h.update(file).update(readFileSync(path));
  }
}
