import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../kit-paths.js';

/** Files the build step made, the same for every language and build: read once per process. */
const builtFiles = new Map<string, Buffer>();

/** A file the build step wrote into bundle/ (scripts/bundle.mjs): the planner's code and fonts, the web pages' fonts. */
export function builtFile(name: string): Buffer {
  const file = join(PACKAGE_ROOT, 'bundle', name);
  let bytes = builtFiles.get(name);
  if (!bytes) {
    try {
      builtFiles.set(name, (bytes = readFileSync(file)));
    } catch {
      throw new Error(`${file} is missing: run "npm run prepare" in kernekit's folder to make it`);
    }
  }
  return bytes;
}
