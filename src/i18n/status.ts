import { existsSync, readFileSync } from 'node:fs';
import type { Kit } from '../content/model.js';
import { closestWord } from '../closest-word.js';
import { expectedCatalog, placeholderMismatch, placeholders, qualified, sourceCatalog, targetCatalog, type Catalog, type Expected } from './catalog.js';
import { NAMESPACES, shown, translationFile } from './files.js';
import type { Gate } from './gates.js';
import { keyLines } from './key-lines.js';
import { pluralForm } from './plurals.js';
import { observeTranslations } from './state.js';
import { writeContentTemplate } from './template.js';

/** A line of a translation file. */
export interface Place {
  file: string;
  line: number;
}

/** Something in a translation that prints, but likely not as the translator meant. */
export interface TranslationWarning extends Place {
  key: string;
  message: string;
  rule: 'same-as-danish' | 'markup' | 'outer-spaces' | 'duplicate-key' | 'misspelt-key';
}

export interface LanguageStatus {
  language: string;
  /** Keys to translate: every key the language needs, each plural form one (see progress). */
  total: number;
  /** Of those, the keys that have a translation. */
  translated: number;
  /** Keys with no translation: they print in Danish. */
  missing: string[];
  /** Keys whose Danish changed after they were translated, and whose translation has not been edited since. */
  stale: string[];
  /** Keys whose {{placeholders}} differ from the Danish: what the Danish has, what the translation has. */
  placeholders: Array<{ key: string; text: string; expected: string[]; optional: string[]; found: string[] }>;
  /** Keys the language does not need: gone from the Danish, or a plural form the language lacks. */
  extra: string[];
  /** Where the language's files write each key they have. */
  places: Record<string, Place>;
  warnings: TranslationWarning[];
}

/** A translation that says something: an empty or blank one prints the Danish. */
export const isTranslated = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/**
 * How far a translation is, counted as a translation tool counts the strings to fill in:
 * every key the language needs once, each plural form its own key (Polish has three for
 * each count, English two). `status` and `extract` both count this way.
 */
export function progress(expected: Map<string, Expected>, target: Catalog): { total: number; translated: number; missing: string[] } {
  const missing = [...expected.keys()].filter((key) => !isTranslated(target.get(key)));
  return { total: expected.size, translated: expected.size - missing.length, missing };
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
  const { places, duplicates } = filePlaces(contentDir, language);
  const status: LanguageStatus = { language, ...progress(expected, target), stale: [], placeholders: [], extra: [], places, warnings: [] };
  const warn = (key: string, rule: TranslationWarning['rule'], message: string, place = places[key]) => {
    if (place) status.warnings.push({ key, ...place, message, rule });
  };
  for (const [key, want] of expected) {
    const text = target.get(key);
    if (!isTranslated(text)) continue;
    if (placeholderMismatch(want, text)) {
      status.placeholders.push({ key, text, expected: want.required, optional: want.allowed.filter((p) => !want.required.includes(p)), found: placeholders(text) });
    }
    if (text === want.danish && words(text) >= 2) warn(key, 'same-as-danish', 'The translation is the Danish text itself. Fine for a name; otherwise translate it.');
    if (/<\/?[a-z][^<>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text)) warn(key, 'markup', 'The translation has HTML, which prints as written: kernekit prints text. Write the characters themselves, without tags or entities.');
    if (outerSpaces(text) !== outerSpaces(want.danish)) warn(key, 'outer-spaces', 'The translation starts or ends with a space or line break the Danish does not have, and it prints. Remove it.');
  }
  status.stale = observeTranslations(contentDir, language, expected, target);
  const groups = new Set([...expected.values()].map((want) => want.group));
  for (const key of target.keys()) {
    if (expected.has(key)) continue;
    status.extra.push(key);
    // A plural form the language lacks is not a typo; any other unknown key may be one.
    const form = pluralForm(key);
    if (form && groups.has(form.base)) continue;
    const ns = key.slice(0, key.indexOf(':') + 1);
    const nearest = closestWord(key, [...expected.keys()].filter((k) => k.startsWith(ns) && !target.has(k)));
    if (nearest) warn(key, 'misspelt-key', `No Danish text has this key. Did you mean ${nearest}? Rename the key, or delete it.`);
  }
  for (const d of duplicates) warn(d.key, 'duplicate-key', `The key is written twice (before, at line ${d.first}); only this last one is read. Delete one of them.`, d);
  const named = new Set([...status.missing, ...status.stale, ...status.placeholders.map((p) => p.key), ...status.extra]);
  status.places = Object.fromEntries(Object.entries(places).filter(([key]) => named.has(key)));
  return status;
}

/** The words of a text outside its placeholders: a label of one word ("Print") or none ("{{from}}–{{to}}") is often the same in both languages. */
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;

/** The spaces a text starts and ends with (a separator such as ", " has them on purpose). */
const outerSpaces = (text: string) => `${/^\s*/.exec(text)![0]}|${/\s*$/.exec(text)![0]}`;

/** Where the language's files write each key, and the keys they write twice. */
function filePlaces(contentDir: string, language: string): { places: Record<string, Place>; duplicates: Array<Place & { key: string; first: number }> } {
  const places: Record<string, Place> = {};
  const duplicates: Array<Place & { key: string; first: number }> = [];
  for (const ns of NAMESPACES) {
    const file = translationFile(contentDir, language, ns);
    if (!existsSync(file)) continue;
    const found = keyLines(readFileSync(file, 'utf8'));
    for (const [key, line] of found.lines) places[qualified(ns, key)] = { file: shown(file), line };
    for (const d of found.duplicates) duplicates.push({ key: qualified(ns, d.key), file: shown(file), line: d.line, first: d.first });
  }
  return { places, duplicates };
}

/** The gates a language fails. */
export function failedGates(s: LanguageStatus, gates: readonly Gate[]): Gate[] {
  return gates.filter((g) => s[g].length > 0);
}
