import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Every cache names its files by what they were made from, so files nothing reads again pile
// up: those of other versions of kernekit, its engine or Node, and those of edited inputs.
// A folder is cleared once a process at most: listing it on every save would cost more than
// a few left-over files do until the next run. Only the cache folder's own entries go, each
// named as kernekit names them (`sameKind`), and a link is removed, never followed.

const done = new Set<string>();
const firstTime = (job: string) => !done.has(job) && Boolean(done.add(job));

/**
 * Once a process: the entries of `dir` that are `current`'s kind (another version of the
 * same cache) are removed, `current` itself stays.
 */
export function removeOtherVersions(dir: string, current: string, sameKind: (name: string) => boolean): void {
  if (!firstTime(join(dir, current))) return;
  try {
    for (const name of readdirSync(dir)) {
      if (name !== current && sameKind(name)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  } catch {
    // Left for the next run.
  }
}

/** Once a process and folder: the newest `max` files of the folder stay, older ones go. A folder that is a link is left alone. */
export function keepNewest(dir: string, max: number): void {
  if (!firstTime(dir)) return;
  try {
    if (!lstatSync(dir).isDirectory()) return;
    const files = readdirSync(dir).map((name) => ({ name, time: lstatSync(join(dir, name)).mtimeMs }));
    files.sort((a, b) => b.time - a.time);
    for (const { name } of files.slice(max)) rmSync(join(dir, name), { force: true });
  } catch {
    // Left for the next run.
  }
}
