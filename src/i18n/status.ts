import type { Kit } from '../content/model.js';
import { expectedCatalog, placeholderMismatch, placeholders, sourceCatalog, targetCatalog } from './catalog.js';
import type { Gate } from './gates.js';
import { observeTranslations } from './state.js';
import { writeContentTemplate } from './template.js';

export interface LanguageStatus {
  language: string;
  /** Strings to translate; a plural group counts once. */
  total: number;
  /** Of those, translated: a plural group when every form the language has is. */
  translated: number;
  /** Keys with no translation: they print in Danish. */
  missing: string[];
  /** Keys whose Danish changed after they were translated, and whose translation has not been edited since. */
  stale: string[];
  /** Keys whose {{placeholders}} differ from the Danish: what the Danish has, what the translation has. */
  placeholders: Array<{ key: string; text: string; expected: string[]; optional: string[]; found: string[] }>;
  /** Keys the language does not need: gone from the Danish, or a plural form the language lacks. */
  extra: string[];
}

/**
 * Where a language's translation stands. Also records what kernekit has now seen of it
 * (see state.ts) and keeps the Danish content template current, so staleness needs no
 * separate step.
 */
export function languageStatus(kit: Kit, contentDir: string, language: string): LanguageStatus {
  const source = sourceCatalog(kit, contentDir);
  writeContentTemplate(contentDir, source);
  const expected = expectedCatalog(source, language);
  const target = targetCatalog(contentDir, language);
  const status: LanguageStatus = { language, total: 0, translated: 0, missing: [], stale: [], placeholders: [], extra: [] };
  const groups = new Map<string, boolean>();
  for (const [key, want] of expected) {
    const text = target.get(key);
    const done = text !== undefined && text.trim() !== '';
    const unit = want.group ?? key;
    groups.set(unit, (groups.get(unit) ?? true) && done);
    if (!done) {
      status.missing.push(key);
      continue;
    }
    if (placeholderMismatch(want, text)) {
      status.placeholders.push({ key, text, expected: want.required, optional: want.allowed.filter((p) => !want.required.includes(p)), found: placeholders(text) });
    }
  }
  status.total = groups.size;
  status.translated = [...groups.values()].filter(Boolean).length;
  status.stale = observeTranslations(contentDir, language, expected, target);
  for (const key of target.keys()) if (!expected.has(key)) status.extra.push(key);
  return status;
}

/** The gates a language fails. */
export function failedGates(s: LanguageStatus, gates: readonly Gate[]): Gate[] {
  return gates.filter((g) => s[g].length > 0);
}
