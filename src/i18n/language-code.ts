import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isEditorFile } from '../content/editor-files.js';
import { shownPath } from '../kit-paths.js';
import { InputError, UsageError, type Problem } from '../content/problems.js';
import { PSEUDO_LANGUAGE } from './pseudo.js';

// Kept free of i18next and the content loader: the CLI parses --lang before loading either.

import { SOURCE_LANGUAGE } from './source-language.js';

export { SOURCE_LANGUAGE };

/** Where a content folder keeps its translations, one folder per language. */
export function localesDir(contentDir: string): string {
  return join(contentDir, 'locales');
}

/**
 * A language code as the canonical BCP 47 tag (`EN` → `en`, `pt_BR` and `pt-rBR` → `pt-BR`), or
 * undefined when it is not a well-formed tag. A code becomes a folder name under out/ and
 * content/locales/, so nothing but a tag's letters, digits and hyphens may pass.
 */
export function canonicalLanguage(code: string): string | undefined {
  // POSIX locales (Weblate, Crowdin) write pt_BR, Android pt-rBR (Crowdin's "Android code"); BCP 47 writes pt-BR.
  const tag = code.trim().replace(/_/g, '-').replace(/^([A-Za-z]{2,3})-r([A-Za-z]{2})$/, '$1-$2');
  if (!/^[A-Za-z0-9-]{2,35}$/.test(tag)) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical === 'und' ? undefined : canonical;
  } catch {
    return undefined;
  }
}

/**
 * The two-letter ISO 639-1 codes, each of which Intl.DisplayNames names (test/language-code.test.ts
 * checks): asking ICU itself costs 20 ms of every command's start, to load its table of names.
 */
export const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
    'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv ' +
    'mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss ' +
    'st su sv sw ta te tg th ti tk tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

let languageNames: Intl.DisplayNames | undefined;

/**
 * Whether a well-formed tag names a language (or is the pseudo-locale): "xx" would build
 * a kit of Danish fallbacks, or start a translation nobody can make.
 */
export function isKnownLanguage(tag: string): boolean {
  const primary = tag.split('-')[0]!;
  if (tag === PSEUDO_LANGUAGE || ISO_639_1.has(primary)) return true;
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return languageNames.of(primary) !== undefined;
}

/** What every command says about a code that is not one. */
export function notALanguage(code: string): string {
  return `"${code}" is not a language code. Write a BCP 47 tag such as da, en, sv or pt-BR.`;
}

/** The languages of a --lang value, canonical and each once, or a usage error naming the first bad code. */
export function languageOption(value: string): string[] {
  const codes = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (codes.length === 0) throw new UsageError('--lang needs at least one language code, e.g. --lang da,en.');
  return [
    ...new Set(
      codes.map((code) => {
        const language = canonicalLanguage(code);
        if (language === undefined) throw new UsageError(`--lang ${notALanguage(code)}`);
        if (!isKnownLanguage(language)) throw new UsageError(`--lang "${code}" is not a language kernekit knows. Use an ISO 639 code such as da, en, sv, uk or kl.`);
        return language;
      }),
    ),
  ];
}

/**
 * The language a folder under locales/ holds, or undefined when its name is not one. Besides
 * a BCP 47 tag (pl, pt-BR), the forms translation platforms write are taken: Weblate's and
 * Crowdin's POSIX `pl_PL`, and Android's `pl-rPL` (Crowdin's "Android code").
 */
export function folderLanguage(name: string): string | undefined {
  const language = canonicalLanguage(name);
  return language !== undefined && language !== SOURCE_LANGUAGE && isKnownLanguage(language) ? language : undefined;
}

/** The folder names under locales/, editor files and plain files left out. */
function localeFolders(contentDir: string): string[] {
  try {
    return readdirSync(localesDir(contentDir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !isEditorFile(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Each translated language (Danish, the source, excluded) and the folder that holds it, or
 * every folder whose name is no language (`polski`, `xx`) or repeats another's (`pt_BR`
 * beside `pt-BR`), refused with its path: such a folder would be built as a language, or
 * crash the plural rules.
 */
export function localeFolderLanguages(contentDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const problems: Problem[] = [];
  for (const name of localeFolders(contentDir)) {
    if (name === SOURCE_LANGUAGE) continue;
    const language = folderLanguage(name);
    const file = shownPath(join(localesDir(contentDir), name));
    const problem = (message: string, rule: string) => problems.push({ file, line: 1, column: 1, field: '', message, rule });
    if (language === undefined) {
      problem(`The folder "${name}" is not named for a language. Rename it to the language's code: a BCP 47 tag such as pl or pt-BR (pl_PL and pl-rPL, as Weblate and Crowdin write them, work too).`, 'locale-folder');
    } else if (found.has(language)) {
      problem(`The folder "${name}" holds ${language}, as the folder "${found.get(language)}" does. Keep one of them.`, 'locale-folder');
    } else {
      found.set(language, name);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return found;
}

/** Languages with a folder under content/locales/, Danish (the source) excluded; a folder named for no language is refused. */
export function translatedLanguages(contentDir: string): string[] {
  return [...localeFolderLanguages(contentDir).keys()].sort();
}

/** The folder under locales/ that holds a language's translation (`pl_PL` for pl-PL), or undefined when it has none. */
export function localeFolder(contentDir: string, language: string): string | undefined {
  const dir = join(localesDir(contentDir), language);
  if (existsSync(dir) && statSync(dir).isDirectory()) return language;
  return localeFolders(contentDir).find((name) => folderLanguage(name) === language);
}

/** Whether kernekit can print the language: the source, the pseudo-locale, or one with a folder of translations. */
export function hasTranslation(contentDir: string, language: string): boolean {
  return language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE || localeFolder(contentDir, language) !== undefined;
}

/** Why a language cannot be built, and how to start its translation. */
export function noTranslation(contentDir: string, language: string): string {
  return `${language} has no translation: there is no folder ${join(localesDir(contentDir), language)}. Start one with: kernekit i18n extract --lang ${language}`;
}
