import type { Kit } from '../content/model.js';
import { expectedCatalog, nest, qualified, sourceCatalog, splitKey, targetCatalog } from './catalog.js';
import { NAMESPACES, translationFile, writeJson } from './files.js';
import { observeTranslations } from './state.js';
import { progress } from './status.js';
import { writeContentTemplate } from './template.js';

export interface ExtractResult {
  /** Keys that still need a translation, counted as status counts them (see progress). */
  untranslated: number;
  translated: number;
  /** Files written (unchanged files are left alone). */
  files: string[];
}

/**
 * Creates or updates a language's files: every key the language needs in source order
 * (for a count, exactly the plural forms the language has), existing translations kept,
 * new keys as "" (untranslated), keys it does not need at the end for the translator to
 * delete. The Danish template beside them is brought up to date too.
 */
export function extract(kit: Kit, contentDir: string, language: string): ExtractResult {
  const source = sourceCatalog(kit, contentDir);
  writeContentTemplate(contentDir, source);
  const expected = expectedCatalog(source, language);
  const target = targetCatalog(contentDir, language);
  observeTranslations(contentDir, language, expected, target);
  const { total, translated } = progress(expected, target);
  const result: ExtractResult = { untranslated: total - translated, translated, files: [] };
  for (const ns of NAMESPACES) {
    const entries: Array<[string, string]> = [];
    for (const key of expected.keys()) {
      const { ns: keyNs, key: name } = splitKey(key);
      if (keyNs !== ns) continue;
      entries.push([name, target.get(key) ?? '']);
    }
    for (const [key, text] of target) {
      const { ns: keyNs, key: name } = splitKey(key);
      if (keyNs === ns && !expected.has(qualified(ns, name))) entries.push([name, text]);
    }
    const file = translationFile(contentDir, language, ns);
    if (writeJson(contentDir, file, nest(entries))) result.files.push(file);
  }
  return result;
}
