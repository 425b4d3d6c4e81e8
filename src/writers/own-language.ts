import type { Localization } from '../i18n/translator.js';
import { pageLanguage } from '../i18n/page-language.js';

// What names a language itself never falls back to the Danish: "Dansk" or "Materialer på
// dansk" would misname a Polish section. The language's own name (CLDR) stands in.

/** A language's name in itself, capitalised as a heading (polski → Polski, العربية). */
export function ownName(language: string): string {
  const tag = pageLanguage(language).lang;
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? language;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** The heading of a language's section on the index and accessibility pages. */
export const sectionHeading = (loc: Localization): string => (loc.hasLabel('publish.section') ? loc.t('publish.section') : ownName(loc.language));
