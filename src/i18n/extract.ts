import { join } from 'node:path';
import type { Kit } from '../content/model.js';
import { writeAtomic } from '../publish/write.js';
import { fingerprint, nest, NAMESPACES, sourceCatalog, targetCatalog } from './catalog.js';
import { fingerprintFile, readFingerprints, type Fingerprints } from './fingerprints.js';
import { localesDir } from './language-code.js';

export interface ExtractResult {
  /** Keys that still need a translation. */
  untranslated: number;
  translated: number;
  files: string[];
}

/**
 * Creates or updates a language's files: every source key in source order, existing
 * translations kept, new keys as "" (untranslated). Beside them, `source-da.<ns>.json`
 * holds the Danish with the same keys in the same order, line for line. Translations
 * that are new or were edited since the last run get the fingerprint of today's Danish.
 */
export function extract(kit: Kit, contentDir: string, language: string): ExtractResult {
  const source = sourceCatalog(kit, contentDir);
  const target = targetCatalog(contentDir, language);
  const old = readFingerprints(contentDir, language);
  const prints: Fingerprints = {};
  const dir = join(localesDir(contentDir), language);
  const files: string[] = [];
  let untranslated = 0;
  let translated = 0;
  for (const ns of NAMESPACES) {
    const translations: Array<[string, string]> = [];
    const danish: Array<[string, string]> = [];
    for (const [qualifiedKey, da] of source) {
      const [keyNs, key] = split(qualifiedKey);
      if (keyNs !== ns) continue;
      const text = target.get(qualifiedKey) ?? '';
      if (text.trim() === '') untranslated++;
      else translated++;
      translations.push([key, text]);
      danish.push([key, da]);
      if (text.trim() !== '') {
        const fp = old[qualifiedKey];
        prints[qualifiedKey] = fp && fp.target === fingerprint(text) ? fp : { source: fingerprint(da), target: fingerprint(text) };
      }
    }
    // Keys the source dropped stay until the translator removes them; status lists them.
    for (const [qualifiedKey, text] of target) {
      const [keyNs, key] = split(qualifiedKey);
      if (keyNs === ns && !source.has(qualifiedKey)) translations.push([key, text]);
    }
    files.push(write(join(dir, `${ns}.json`), nest(translations)), write(join(dir, `source-da.${ns}.json`), nest(danish)));
  }
  files.push(write(fingerprintFile(contentDir, language), prints));
  return { untranslated, translated, files };
}

function split(qualifiedKey: string): [string, string] {
  const i = qualifiedKey.indexOf(':');
  return [qualifiedKey.slice(0, i), qualifiedKey.slice(i + 1)];
}

function write(path: string, data: object): string {
  writeAtomic(path, JSON.stringify(data, null, 2) + '\n');
  return path;
}
