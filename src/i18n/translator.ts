import { join, relative } from 'node:path';
import i18next, { type i18n } from 'i18next';
import type { Kit } from '../content/model.js';
import { InputError } from '../content/problems.js';
import type { Translate } from '../layout/layouts.js';
import { localizeKit, sourceStrings } from './kit-strings.js';
import { pseudo, PSEUDO_LANGUAGE } from './pseudo.js';
import { checkGlyphs } from './glyphs.js';
import { flatten } from './tree.js';
import { localesDir, SOURCE_LANGUAGE } from './language-code.js';
import { readResource } from './resource-file.js';

/** Everything a document needs to speak one language. */
export interface Localization {
  language: string;
  kit: Kit;
  /** Layout labels ("Øvelse", "Side 1 af 4"). */
  t: Translate;
  /** Keys that had no translation and fell back to Danish, in the order met. */
  fallbacks: Set<string>;
  /** Fails, naming key and U+ code, if any string has a character the fonts lack. Run before rendering. */
  checkGlyphs(): void;
  formatDate(isoDate: string): string;
  formatNumber(n: number): string;
}

function mapLeaves(tree: Record<string, unknown>, f: (s: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === 'string' ? f(v) : mapLeaves(v as Record<string, unknown>, f)]));
}

export function localize(kit: Kit, contentDir: string, language: string): Localization {
  const dir = localesDir(contentDir);
  const i18n: i18n = i18next.createInstance();
  i18n.init({
    initAsync: false,
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['content', 'labels'],
    defaultNS: 'labels',
    returnEmptyString: false,
    returnNull: false,
    // PDFs are not HTML: values are written as text, never markup. The index page escapes on its own.
    interpolation: { escapeValue: false },
    resources: {},
  });
  const danishLabels = readResource(join(dir, SOURCE_LANGUAGE, 'labels.json'));
  if (!danishLabels) {
    const file = join(dir, SOURCE_LANGUAGE, 'labels.json');
    const message = 'The Danish label file is missing; every layout takes its words from it. Restore it (from the kit you started with, or version control).';
    throw new InputError([{ file: relative(process.cwd(), file) || file, line: 1, column: 1, field: '', message, rule: 'file-unreadable' }]);
  }
  i18n.addResourceBundle(SOURCE_LANGUAGE, 'labels', danishLabels);
  const danishContent = sourceStrings(kit);
  for (const [key, text] of danishContent) i18n.addResource(SOURCE_LANGUAGE, 'content', key, text);
  if (language === PSEUDO_LANGUAGE) {
    i18n.addResourceBundle(language, 'labels', mapLeaves(danishLabels, pseudo));
    for (const [key, text] of danishContent) i18n.addResource(language, 'content', key, pseudo(text));
  } else if (language !== SOURCE_LANGUAGE) {
    for (const ns of ['content', 'labels']) {
      const bundle = readResource(join(dir, language, `${ns}.json`));
      if (bundle) i18n.addResourceBundle(language, ns, bundle);
    }
  }

  const fallbacks = new Set<string>();
  // A label with a count is stored per plural form (`pages_one`, `pages_other`).
  const resolved = (lng: string, key: string, count: unknown) =>
    typeof count === 'number' ? `${key}_${new Intl.PluralRules(lng === PSEUDO_LANGUAGE ? 'en' : lng).select(count)}` : key;
  const has = (lng: string, ns: string, key: string, count?: unknown) => {
    const value = i18n.getResource(lng, ns, resolved(lng, key, count)) ?? i18n.getResource(lng, ns, key);
    return typeof value === 'string' && value.trim() !== '';
  };
  const translated = (ns: string, key: string, count?: unknown) => has(language, ns, key, count);
  const t: Translate = (key, vars) => {
    if (!translated('labels', key, vars?.count)) {
      if (language !== SOURCE_LANGUAGE) fallbacks.add(`labels:${resolved(language, key, vars?.count)}`);
      if (!has(SOURCE_LANGUAGE, 'labels', key, vars?.count)) throw new Error(`no Danish label "${key}" in locales/da/labels.json`);
    }
    return i18n.t(key, { ns: 'labels', ...vars }) as string;
  };
  const printed = new Map<string, string>();
  const localized = localizeKit(kit, (key, source) => {
    let text = source;
    if (language === SOURCE_LANGUAGE || translated('content', key)) text = i18n.t(key, { ns: 'content' }) as string;
    else fallbacks.add(`content:${key}`);
    printed.set(`content:${key}`, text);
    return text;
  });
  for (const [key] of flatten(danishLabels)) printed.set(`labels:${key}`, i18n.t(key, { ns: 'labels' }) as string);
  let glyphsChecked = false;
  const dateFormat = new Intl.DateTimeFormat(language === 'qps' ? 'en' : language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(language === 'qps' ? 'en' : language);
  return {
    language,
    kit: localized,
    t,
    fallbacks,
    checkGlyphs: () => {
      if (glyphsChecked) return;
      checkGlyphs(printed, language, contentDir, (key) => language === SOURCE_LANGUAGE || fallbacks.has(key));
      glyphsChecked = true;
    },
    formatDate: (iso) => dateFormat.format(new Date(`${iso}T00:00:00Z`)),
    formatNumber: (n) => numberFormat.format(n),
  };
}
