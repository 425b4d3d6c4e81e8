import { PSEUDO_LANGUAGE } from './pseudo.js';

/** CLDR's plural categories in CLDR's own order, which is the order extract writes them in. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const SUFFIX = new RegExp(`^(.+)_(${PLURAL_CATEGORIES.join('|')})$`);

/** `questionCount_few` → base `questionCount`, category `few`; undefined for a plain key. */
export function pluralForm(key: string): { base: string; category: PluralCategory } | undefined {
  const m = SUFFIX.exec(key);
  return m ? { base: m[1]!, category: m[2] as PluralCategory } : undefined;
}

/** The pseudo-locale counts like English. */
const rulesLanguage = (language: string) => (language === PSEUDO_LANGUAGE ? 'en' : language);

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(language: string): Intl.PluralRules {
  let r = rules.get(language);
  if (!r) rules.set(language, (r = new Intl.PluralRules(rulesLanguage(language))));
  return r;
}

/** Whole numbers that between them reach every form a count can take in any language (French "many" starts at a million). */
const SAMPLE_COUNTS = [...Array.from({ length: 1001 }, (_, n) => n), 1e6, 2e6, 1e9];

/**
 * The plural forms a count can take in a language, in CLDR order: Ukrainian one, few,
 * many. CLDR's "other" for fractions is left out where whole numbers never reach it, as
 * kernekit counts only whole things; translate-toolkit and Weblate expect the same forms.
 */
export function pluralCategories(language: string): PluralCategory[] {
  return [...counted(language).keys()];
}

const counts = new Map<string, Map<PluralCategory, number>>();
/** Per form a whole number can take in the language (in CLDR order), how many of the sample counts take it. */
function counted(language: string): Map<PluralCategory, number> {
  let byForm = counts.get(language);
  if (!byForm) {
    const tally = new Map<PluralCategory, number>();
    for (const n of SAMPLE_COUNTS) {
      const form = pluralCategory(language, n);
      tally.set(form, (tally.get(form) ?? 0) + 1);
    }
    counts.set(language, (byForm = new Map(PLURAL_CATEGORIES.filter((c) => tally.has(c)).map((c) => [c, tally.get(c)!]))));
  }
  return byForm;
}

/** The form a count takes in a language, e.g. 4 in Ukrainian → few. */
export const pluralCategory = (language: string, count: number) => pluralRules(language).select(count) as PluralCategory;

/**
 * Whether a form stands for one number only (Danish and English "one" is 1; Ukrainian
 * "one" is also 21, 31 …). Only such a form may leave out `{{count}}` ("én gruppe").
 */
export function isSingleNumber(language: string, category: PluralCategory): boolean {
  return counted(language).get(category) === 1;
}
