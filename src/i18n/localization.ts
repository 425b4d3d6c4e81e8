import { formatClock as clockText } from '../plan/clock.js';
import i18next, { type i18n } from 'i18next';
import type { Kit } from '../content/model.js';
import { InputError, type Problem } from '../content/problems.js';
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
  /** The labels printed in Danish for want of a translation so far, as filled in (a web page marks them as Danish). */
  fallbackLabels: ReadonlySet<string>;
  /** Whether the language has its own text for a label (t would print the Danish otherwise). */
  hasLabel(key: string): boolean;
  /**
   * The same language, made once, recording its fallbacks afresh: the content's, which every
   * use of the kit meets, and from then on the labels it is asked for. What one set of files
   * fell back on (the read-me, the web pages) is told apart from what the documents did.
   */
  withOwnFallbacks(): Localization;
  /** Fails, naming key and U+ code, if any string, date or number has a character the fonts lack, every one at once. Run before rendering. */
  checkGlyphs(): void;
  /** A date as the language writes it in running text (checkGlyphs has checked the kit's). */
  formatDate(isoDate: string): string;
  formatNumber(n: number): string;
  /** A clock time ("09:00", minutes after midnight) in the language's digits. */
  formatClock(minutes: number): string;
}

/**
 * The conventions a language's dates and numbers follow. English in this kit is British:
 * "3 March 2015", never the US "March 3, 2015".
 */
const CONVENTIONS: Record<string, string> = { en: 'en-GB', [PSEUDO_LANGUAGE]: 'en-GB' };

/**
 * A date as the language writes it, without a mark some languages append to the year
 * (Ukrainian and Russian "р."/"г."), which would clash with the sentence's own full stop. A
 * date that ends on its day keeps what follows the day: Japanese 日, Lithuanian "d.".
 */
export function dateFormatter(language: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat(CONVENTIONS[language] ?? language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (date) => {
    const parts = format.formatToParts(date);
    if (parts.at(-1)?.type === 'literal' && parts.at(-2)?.type === 'year') parts.pop();
    return parts.map((p) => p.value).join('');
  };
}

/** A translation tree without its empty and blank texts. */
function givenOnly(tree: ResourceTree): ResourceTree {
  const kept: ResourceTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') kept[key] = givenOnly(value);
    else if (given(value)) kept[key] = value;
  }
  return kept;
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
  /** The printed strings with a character the fonts lack, the translation's before the Danish; `danish(key)` tells the strings that print the Danish. */
  printed(printed: Map<string, string>, danish: (qualifiedKey: string) => boolean): Problem[];
  /** What is wrong with a date or number as the language writes it, if the fonts cannot print it. */
  formatted(text: string, what: { field: string; value: string }): Problem | undefined;
}

/** Checks nothing: for what prints nothing, or checked its texts where they were read. */
export const UNCHECKED: GlyphChecks = { printed: () => [], formatted: () => undefined };

/** A translation that says something: an empty or blank one falls back to the Danish. */
/**
 * Writes the ASCII digits of a text in a locale's own (Intl's numbering system for it: Persian
 * ۰–۹, Latin with `-u-nu-latn`); the identity where those are ASCII, as in Danish and English.
 */
function digitsOf(locale: string): (text: string) => string {
  const format = new Intl.NumberFormat(locale, { useGrouping: false });
  const own = Array.from({ length: 10 }, (_, d) => format.format(d));
  if (own.every((d, i) => d === String(i))) return (text) => text;
  return (text) => text.replace(/[0-9]/g, (d) => own[Number(d)]!);
}

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
  const digits = digitsOf(CONVENTIONS[language] ?? language);
  const labels = texts.danishLabels;
  i18n.addResourceBundle(SOURCE_LANGUAGE, 'labels', labels);
  let translatedContent: Map<string, string>;
  if (language === PSEUDO_LANGUAGE) {
    i18n.addResourceBundle(language, 'labels', mapLeaves(labels, pseudo));
    translatedContent = new Map([...sourceStrings(kit)].map(([key, text]) => [key, pseudo(text)]));
  } else {
    // A blank translation is no translation: i18next would print it, so it is left out and the Danish prints.
    if (language !== SOURCE_LANGUAGE && texts.labels) i18n.addResourceBundle(language, 'labels', givenOnly(texts.labels));
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
      // A translation is text: "$t(key)" in it is printed as written, never looked up as another label.
      // Its numbers are written in the language's digits (Persian ۲۳), as every number the
      // language's pages print is (formatNumber, formatClock), a Danish fallback's too.
      const replace = vars && Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'number' ? digits(String(v)) : v]));
      const text = i18n.t(key, { ns: 'labels', ...vars, ...(replace ? { replace } : {}), nest: false }) as string;
      if (language !== SOURCE_LANGUAGE && !hasLabel(language, key, vars?.count)) fallbackLabels.add(text);
      return text;
    };
  const printed = new Map<string, string>();
  const contentFallbacks = new Set<string>();
  const fallbackLabels = new Set<string>();
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
  const formatClock = (minutes: number) => digits(clockText(minutes));
  const formatDate = (iso: string) => date(new Date(`${iso}T00:00:00Z`));
  const formatNumber = (n: number) => numberFormat.format(n);
  // The kit's dates and the language's digits and separators are all the dates and numbers it prints.
  const formatted = [
    ...kit.meta.source.publications.flatMap((p) => (p.date ? [checks.formatted(formatDate(p.date), { field: 'source.publications.date', value: p.date })] : [])),
    checks.formatted(formatNumber(1234567.89), { field: 'number', value: '1234567.89' }),
  ].filter((p) => p !== undefined);
  const fallbackTexts = new Set([...contentFallbacks].map((key) => printed.get(key)!));
  const make = (fallbacks: Set<string>): Localization => ({
    language,
    kit: localized,
    texts,
    t: translator(fallbacks),
    fallbacks,
    fallbackTexts,
    fallbackLabels,
    hasLabel: (key) => hasLabel(language, key),
    withOwnFallbacks: () => make(new Set(contentFallbacks)),
    checkGlyphs: () => {
      if (glyphsChecked) return;
      // The translator's own lines first: a date in the language's script is not theirs to fix.
      const problems = [...checks.printed(printed, danish), ...formatted];
      if (problems.length > 0) throw new InputError(problems);
      glyphsChecked = true;
    },
    formatDate,
    formatNumber,
    formatClock,
  });
  return make(new Set(contentFallbacks));
}
