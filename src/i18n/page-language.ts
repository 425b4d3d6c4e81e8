import { PSEUDO_LANGUAGE } from './pseudo.js';

/** Scripts written right to left, by the language codes that use them. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/**
 * The `lang` and `dir` of a web page in this language (a code as the locale folders are
 * named: da, en, pt-BR). The pseudo-locale is accented Danish, so screen readers and
 * checkers get Danish with a private-use tag: `da-x-qps`.
 */
export function pageLanguage(language: string): { lang: string; dir: 'ltr' | 'rtl' } {
  if (language === PSEUDO_LANGUAGE) return { lang: `da-x-${PSEUDO_LANGUAGE}`, dir: 'ltr' };
  return { lang: language, dir: RIGHT_TO_LEFT.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr' };
}
