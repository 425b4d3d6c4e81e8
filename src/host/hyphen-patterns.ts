import { createRequire } from 'node:module';
import type { HyphenPatterns } from './types.js';

/**
 * hyphen's pattern sets by language (primary subtag), each loaded when first needed: every
 * living language hyphen has, so that a Polish or Turkish word breaks where the language
 * breaks it. Left out: classical and liturgical languages, Thai (which breaks lines without
 * a hyphen) and Ethiopic (whose patterns break between every two letters, as kernekit does
 * without patterns). A language written in two scripts gets its usual one (sr: Cyrillic,
 * bs: Latin); Kurdish is Kurmanji. Each require names its module in full, so that the bundler
 * can see it (scripts/bundle.mjs).
 */
const PATTERNS: Record<string, () => HyphenPatterns> = {
  af: () => createRequire(import.meta.url)('hyphen/af'),
  as: () => createRequire(import.meta.url)('hyphen/as'),
  be: () => createRequire(import.meta.url)('hyphen/be'),
  bg: () => createRequire(import.meta.url)('hyphen/bg'),
  bn: () => createRequire(import.meta.url)('hyphen/bn'),
  bs: () => createRequire(import.meta.url)('hyphen/sh-latn'),
  ca: () => createRequire(import.meta.url)('hyphen/ca'),
  cs: () => createRequire(import.meta.url)('hyphen/cs'),
  cy: () => createRequire(import.meta.url)('hyphen/cy'),
  da: () => createRequire(import.meta.url)('hyphen/da'),
  de: () => createRequire(import.meta.url)('hyphen/de'),
  el: () => createRequire(import.meta.url)('hyphen/el-monoton'),
  en: () => createRequire(import.meta.url)('hyphen/en-gb'),
  es: () => createRequire(import.meta.url)('hyphen/es'),
  et: () => createRequire(import.meta.url)('hyphen/et'),
  eu: () => createRequire(import.meta.url)('hyphen/eu'),
  fi: () => createRequire(import.meta.url)('hyphen/fi'),
  fr: () => createRequire(import.meta.url)('hyphen/fr'),
  fur: () => createRequire(import.meta.url)('hyphen/fur'),
  ga: () => createRequire(import.meta.url)('hyphen/ga'),
  gl: () => createRequire(import.meta.url)('hyphen/gl'),
  gu: () => createRequire(import.meta.url)('hyphen/gu'),
  hi: () => createRequire(import.meta.url)('hyphen/hi'),
  hr: () => createRequire(import.meta.url)('hyphen/hr'),
  hsb: () => createRequire(import.meta.url)('hyphen/hsb'),
  hu: () => createRequire(import.meta.url)('hyphen/hu'),
  hy: () => createRequire(import.meta.url)('hyphen/hy'),
  id: () => createRequire(import.meta.url)('hyphen/id'),
  is: () => createRequire(import.meta.url)('hyphen/is'),
  it: () => createRequire(import.meta.url)('hyphen/it'),
  ka: () => createRequire(import.meta.url)('hyphen/ka'),
  kmr: () => createRequire(import.meta.url)('hyphen/kmr'),
  kn: () => createRequire(import.meta.url)('hyphen/kn'),
  ku: () => createRequire(import.meta.url)('hyphen/kmr'),
  lt: () => createRequire(import.meta.url)('hyphen/lt'),
  lv: () => createRequire(import.meta.url)('hyphen/lv'),
  mk: () => createRequire(import.meta.url)('hyphen/mk'),
  ml: () => createRequire(import.meta.url)('hyphen/ml'),
  mn: () => createRequire(import.meta.url)('hyphen/mn-cyrl'),
  mr: () => createRequire(import.meta.url)('hyphen/mr'),
  nb: () => createRequire(import.meta.url)('hyphen/nb'),
  nl: () => createRequire(import.meta.url)('hyphen/nl'),
  nn: () => createRequire(import.meta.url)('hyphen/nn'),
  no: () => createRequire(import.meta.url)('hyphen/nb'),
  oc: () => createRequire(import.meta.url)('hyphen/oc'),
  or: () => createRequire(import.meta.url)('hyphen/or'),
  pa: () => createRequire(import.meta.url)('hyphen/pa'),
  pl: () => createRequire(import.meta.url)('hyphen/pl'),
  pms: () => createRequire(import.meta.url)('hyphen/pms'),
  pt: () => createRequire(import.meta.url)('hyphen/pt'),
  rm: () => createRequire(import.meta.url)('hyphen/rm'),
  ro: () => createRequire(import.meta.url)('hyphen/ro'),
  ru: () => createRequire(import.meta.url)('hyphen/ru'),
  sk: () => createRequire(import.meta.url)('hyphen/sk'),
  sl: () => createRequire(import.meta.url)('hyphen/sl'),
  sq: () => createRequire(import.meta.url)('hyphen/sq'),
  sr: () => createRequire(import.meta.url)('hyphen/sr-cyrl'),
  sv: () => createRequire(import.meta.url)('hyphen/sv'),
  ta: () => createRequire(import.meta.url)('hyphen/ta'),
  te: () => createRequire(import.meta.url)('hyphen/te'),
  tk: () => createRequire(import.meta.url)('hyphen/tk'),
  tr: () => createRequire(import.meta.url)('hyphen/tr'),
  uk: () => createRequire(import.meta.url)('hyphen/uk'),
};

/** A language's hyphenation (by its primary subtag), or undefined when hyphen has no patterns for it. */
export function hyphenPatterns(language: string): HyphenPatterns | undefined {
  return PATTERNS[language]?.();
}
