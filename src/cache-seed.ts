import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChecked } from './checked-file.js';
import { BUNDLED, CODE_DIR } from './kit-paths.js';
import { version } from './version.js';
import { fontFile } from './host/font-files.js';
import { BUNDLED_FONT_FILES } from './render/fonts.js';
import { ENGINE_BUNDLE } from './render/engine-key.js';

/**
 * The package's seed of the cache folder (bundle/seed/, made by scripts/bundle.mjs when the
 * package is built): what a first build of the kit that ships with kernekit works out, in the
 * cache folder's own files and names. A machine whose cache folder has none of it yet (a
 * newcomer, CI, a new server, or after an upgrade) reads it from here instead of working it
 * out again: the compiled layouts, the parsed content files, the engine's shaped words and
 * measured heights, and the pages' compressed streams and font subsets. The caches name their entries by what they were made from, so a
 * seeded entry is exactly what would have been computed; an edited kit finds the entries it
 * still shares (most words, every layout it did not change) and computes the rest.
 * Only the bundle has a seed: the sources' engine is not the one that made it.
 */
export const SEED_FOLDER = 'seed';

/** The file of the seed that names the engine that made it (engineStamp()). */
export const ENGINE_STAMP_FILE = 'engine';

const seedDir = () => join(CODE_DIR, SEED_FOLDER);

/**
 * What makes the engine's results, as engineKey() names them: kernekit's version, the
 * bundle that holds the renderer, and the fonts. By their bytes, not by file times
 * as engineKey() does, since an installed package's times are not those of the folder the
 * seed was made in.
 */
export function engineStamp(bundleDir: string, fonts: Iterable<Uint8Array>): string {
  const h = createHash('sha256').update(`kernekit@${version}\n`);
  h.update(readFileSync(join(bundleDir, ENGINE_BUNDLE)));
  for (const bytes of fonts) h.update(bytes);
  return h.digest('hex');
}

let fitsEngine: boolean | undefined;

/** Whether the seed was made by this engine: checked once per process, and only when an engine entry is missing. */
function seedFitsEngine(): boolean {
  if (fitsEngine === undefined) {
    try {
      fitsEngine = readFileSync(join(seedDir(), ENGINE_STAMP_FILE), 'utf8') === engineStamp(CODE_DIR, BUNDLED_FONT_FILES.map((bundled) => fontFile({ bundled })));
    } catch {
      fitsEngine = false;
    }
  }
  return fitsEngine;
}

/** A seeded entry that depends only on what names it (a compiled layout, a content file's data), e.g. `templates/<key>.js`. */
export function seeded(name: string): Buffer | undefined {
  return BUNDLED ? readChecked(join(seedDir(), name)) : undefined;
}

/** A seeded entry of the engine's (its cache file), if the seed was made by this engine. */
export function engineSeeded(name: string): Buffer | undefined {
  return BUNDLED && seedFitsEngine() ? readChecked(join(seedDir(), name)) : undefined;
}
