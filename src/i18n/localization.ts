import i18next, { type i18n } from 'i18next';
import type { Kit } from '../content/model.js';
import type { Translate } from '../layout/layouts.js';
import type { ResourceTree } from './resource-file.js';
import { SOURCE_LANGUAGE } from './source-language.js';
import { localizeKit, sourceStrings } from './kit-strings.js';
import { pseudo, PSEUDO_LANGUAGE } from './pseudo.js';
import { pluralCategory } from './plurals.js';
import { flatten } from './tree.js';

/** Everything a document needs to speak one language. */
export interface Localization {
  language: string;
  kit: Kit;
  /** The files' texts this was made from; the planner page makes the same Localization from them in the browser. */
  texts: LanguageTexts;
  /** Layout labels ("Øvelse", "Side 1 af 4"); a label with `count` takes the language's plural form. */
  t: Translate;
  /** Keys that had no translation and fell back to Danish, in the order met. */
  fallbacks: Set<string>;
  /** The kit's texts printed in Danish for want of a translation, as printed (a PDF marks them as Danish). */
  fallbackTexts: ReadonlySet<string>;
  /**
   * The same language, made once, recording its fallbacks afresh: the content's, which every
   * use of the kit meets, and from then on the labels it is asked for. What one set of files
   * fell back on (the read-me, the web pages) is told apart from what the documents did.
   */
  withOwnFallbacks(): Localization;
  /** Fails, naming key and U+ code, if any string has a character the fonts lack. Run before rendering. */
  checkGlyphs(): void;
  /** A date as the language writes it in running text; fails if the fonts cannot print it. */
  formatDate(isoDate: string): string;
  formatNumber(n: number): string;
}

/**
 * The conventions a language's dates and numbers follow. English in this kit is British:
 * "3 March 2015", never the US "March 3, 2015".
 */
const CONVENTIONS: Record<string, string> = { en: 'en-GB', [PSEUDO_LANGUAGE]: 'en-GB' };

/** A date without what some languages append after the year (Ukrainian "р."), which would clash with the sentence's own full stop. */
function dateFormatter(language: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat(CONVENTIONS[language] ?? language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (date) => {
    const parts = format.formatToParts(date);
    while (parts.at(-1)?.type === 'literal') parts.pop();
    return parts.map((p) => p.value).join('');
  };
}

function mapLeaves(tree: Record<string, unknown>, f: (s: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === 'string' ? f(v) : mapLeaves(v as Record<string, unknown>, f)]));
}

/** A language's texts besides the kit itself: the Danish labels and the language's translation files. */
export interface LanguageTexts {
  danishLabels: Record<string, unknown>;
  /** The language's translation files (i18next JSON v4), where it has them. */
  labels?: ResourceTree;
  content?: ResourceTree;
}

/** The glyph checks, which name the file and line of what the fonts cannot print. */
export interface GlyphChecks {
  /** Fails if any printed string has a character the fonts lack; `danish(key)` tells the strings that print the Danish. */
  printed(printed: Map<string, string>, danish: (qualifiedKey: string) => boolean): void;
  /** A date or number as the language writes it, or a failure if the fonts cannot print it. */
  formatted(text: string, what: { field: string; value: string }): string;
}

/** A translation that says something: an empty or blank one falls back to the Danish. */
const given = (text: unknown): text is string => typeof text === 'string' && text.trim() !== '';

const LABELS = 'labels:';

/** One language of the kit, from texts already read. */
export function localizeWith(kit: Kit, language: string, texts: LanguageTexts, checks: GlyphChecks): Localization {
  // i18next runs the labels (plural forms, placeholders). Content texts have neither: each is
  // looked up as it is, which is the same text i18next's t() gave at a twentieth of the cost.
  const i18n: i18n = i18next.createInstance();
  i18n.init({
    initAsync: false,
    lng: language,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['labels'],
    defaultNS: 'labels',
    returnEmptyString: false,
    returnNull: false,
    // PDFs are not HTML: values are written as text, never markup. The index page escapes on its own.
    interpolation: { escapeValue: false },
    resources: {},
  });
  const labels = texts.danishLabels;
  i18n.addResourceBundle(SOURCE_LANGUAGE, 'labels', labels);
  let translatedContent: Map<string, string>;
  if (language === PSEUDO_LANGUAGE) {
    i18n.addResourceBundle(language, 'labels', mapLeaves(labels, pseudo));
    translatedContent = new Map([...sourceStrings(kit)].map(([key, text]) => [key, pseudo(text)]));
  } else {
    if (language !== SOURCE_LANGUAGE && texts.labels) i18n.addResourceBundle(language, 'labels', texts.labels);
    translatedContent = new Map(language === SOURCE_LANGUAGE || !texts.content ? [] : flatten(texts.content));
  }
  // The language's own plural forms (Ukrainian `_few`) are printed too, though Danish lacks them.
  const labelKeys = new Set([...flatten(labels), ...flatten(i18n.getResourceBundle(language, 'labels') ?? {})].map(([key]) => key));
  // A label with a count is stored per plural form of its language (`pages_one`, `pages_few` …).
  const resolved = (lng: string, key: string, count: unknown) => (typeof count === 'number' ? `${key}_${pluralCategory(lng, count)}` : key);
  const hasLabel = (lng: string, key: string, count?: unknown) => given(i18n.getResource(lng, 'labels', resolved(lng, key, count)));
  const translator =
    (fallbacks: Set<string>): Translate =>
    (key, vars) => {
      if (!hasLabel(language, key, vars?.count)) {
        if (language !== SOURCE_LANGUAGE) fallbacks.add(`labels:${resolved(language, key, vars?.count)}`);
        if (!hasLabel(SOURCE_LANGUAGE, key, vars?.count)) throw new Error(`no Danish label "${resolved(SOURCE_LANGUAGE, key, vars?.count)}" in content/source-da/labels.json`);
      }
      return i18n.t(key, { ns: 'labels', ...vars }) as string;
    };
  const printed = new Map<string, string>();
  const contentFallbacks = new Set<string>();
  const localized = localizeKit(kit, (key, source) => {
    let text = source;
    if (language !== SOURCE_LANGUAGE) {
      const translated = translatedContent.get(key);
      if (given(translated)) text = translated;
      else contentFallbacks.add(`content:${key}`);
    }
    printed.set(`content:${key}`, text);
    return text;
  });
  // Each label as its file has it (its placeholders unfilled), or the Danish where the language has none.
  for (const key of labelKeys) printed.set(`labels:${key}`, (i18n.getResource(hasLabel(language, key) ? language : SOURCE_LANGUAGE, 'labels', key) as string | undefined) ?? '');
  // Which printed strings are the Danish: those are located in the Danish files.
  const danish = (qualifiedKey: string) => {
    if (language === SOURCE_LANGUAGE || contentFallbacks.has(qualifiedKey)) return true;
    return qualifiedKey.startsWith(LABELS) && !hasLabel(language, qualifiedKey.slice(LABELS.length));
  };
  let glyphsChecked = false;
  const date = dateFormatter(language);
  const numberFormat = new Intl.NumberFormat(CONVENTIONS[language] ?? language);
  const formatDate = (iso: string) => checks.formatted(date(new Date(`${iso}T00:00:00Z`)), { field: 'source.publications.date', value: iso });
  const formatNumber = (n: number) => checks.formatted(numberFormat.format(n), { field: 'number', value: String(n) });
  // The kit's dates and the language's digits are checked at once, before anything renders.
  for (const p of kit.meta.source.publications) if (p.date) formatDate(p.date);
  formatNumber(1234567890);
  const fallbackTexts = new Set([...contentFallbacks].map((key) => printed.get(key)!));
  const make = (fallbacks: Set<string>): Localization => ({
    language,
    kit: localized,
    texts,
    t: translator(fallbacks),
    fallbacks,
    fallbackTexts,
    withOwnFallbacks: () => make(new Set(contentFallbacks)),
    checkGlyphs: () => {
      if (glyphsChecked) return;
      checks.printed(printed, danish);
      glyphsChecked = true;
    },
    formatDate,
    formatNumber,
  });
  return make(new Set(contentFallbacks));
}
