import type { Kit } from '../content/model.js';
import { fingerprint, placeholders, sourceCatalog, targetCatalog } from './catalog.js';
import { readFingerprints } from './fingerprints.js';

export interface LanguageStatus {
  language: string;
  total: number;
  translated: number;
  /** Keys with no translation: they print in Danish. */
  missing: string[];
  /** Keys the Danish source no longer has. */
  extra: string[];
  /** Keys whose {{placeholders}} differ from the Danish. */
  placeholders: Array<{ key: string; source: string[]; target: string[] }>;
  /** Keys whose Danish changed after they were translated, and whose translation has not been touched since. */
  stale: string[];
}

export function languageStatus(kit: Kit, contentDir: string, language: string): LanguageStatus {
  const source = sourceCatalog(kit, contentDir);
  const target = targetCatalog(contentDir, language);
  const prints = readFingerprints(contentDir, language);
  const status: LanguageStatus = { language, total: source.size, translated: 0, missing: [], extra: [], placeholders: [], stale: [] };
  for (const [key, danish] of source) {
    const text = target.get(key);
    if (text === undefined || text.trim() === '') {
      status.missing.push(key);
      continue;
    }
    status.translated++;
    const want = placeholders(danish);
    const have = placeholders(text);
    if (want.join() !== have.join()) status.placeholders.push({ key, source: want, target: have });
    const fp = prints[key];
    if (fp && fp.source !== fingerprint(danish) && fp.target === fingerprint(text)) status.stale.push(key);
  }
  for (const key of target.keys()) if (!source.has(key)) status.extra.push(key);
  return status;
}

/** Whether a language is complete enough for `--strict`. */
export function isComplete(s: LanguageStatus): boolean {
  return s.missing.length === 0 && s.stale.length === 0 && s.placeholders.length === 0;
}
