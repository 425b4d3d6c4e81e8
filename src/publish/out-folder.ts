import { lstatSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { contains, realPath } from '../real-path.js';
import { UsageError } from '../content/problems.js';
import { MANIFEST, readManifest } from '../writers/manifest.js';

/**
 * The folder a build may write into, with links followed, or a usage error saying why not.
 * A build swaps in a new folder for the old one, so it may only be given a folder that is
 * missing, empty, or one kernekit made: kernekit recognises its own by the manifest.json it
 * writes there. Never the root, the home folder, a folder holding the current one, or the
 * content (or anything around or inside it).
 */
export function outputFolder(out: string, contentDir: string): string {
  const real = realPath(out);
  const content = realPath(contentDir);
  const refuse = (message: string): never => {
    throw new UsageError(`--out ${out} ${message}`);
  };
  const whole = (what: string) => refuse(`${what}: a build replaces its whole output folder, so it needs a folder of its own. Give one, e.g. --out out.`);
  if (real === dirname(real)) whole('is the root folder');
  if (real === realPath(homedir())) whole('is your home folder');
  if (contains(real, process.cwd())) whole(real === realPath(process.cwd()) ? 'is the current folder' : 'holds the current folder');
  if (contains(real, content)) whole(real === content ? 'is the content folder' : 'holds the content folder');
  if (contains(content, real)) refuse(`lies inside the content folder ${contentDir}, which kernekit only reads. Give a folder outside it, e.g. --out out.`);

  let entries: string[];
  try {
    if (!statSync(real).isDirectory()) refuse('is a file, not a folder. Give the name of a folder (it is made if it does not exist).');
    entries = readdirSync(real);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if (lstatExists(out)) refuse('is a link to a folder that does not exist. Make that folder, or give another --out.');
    return real;
  }
  if (entries.length > 0 && !readManifest(join(real, MANIFEST))) {
    refuse(`already holds files that kernekit did not write (it has no kernekit ${MANIFEST}), and a build replaces its whole output folder. Give an empty or new folder, e.g. --out ${join(out, 'kit')}, or move those files away.`);
  }
  return real;
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
