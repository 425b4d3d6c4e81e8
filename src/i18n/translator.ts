import type { Kit } from '../content/model.js';
import { danishLabels } from './catalog.js';
import { readResource, SOURCE_LANGUAGE, translationFile } from './files.js';
import { PSEUDO_LANGUAGE } from './pseudo.js';
import { checkFormatted, checkGlyphs } from './glyphs.js';
import { localizeWith, UNCHECKED, type LanguageTexts, type Localization } from './localization.js';

export { readResource } from './files.js';
export type { Localization } from './localization.js';

/** The texts of a language as its files hold them: the Danish labels, and the language's own translation files. */
export function languageTexts(contentDir: string, language: string): LanguageTexts {
  const texts: LanguageTexts = { danishLabels: danishLabels(contentDir) };
  if (language !== SOURCE_LANGUAGE && language !== PSEUDO_LANGUAGE) {
    for (const ns of ['content', 'labels'] as const) {
      const bundle = readResource(translationFile(contentDir, language, ns));
      if (bundle) texts[ns] = bundle;
    }
  }
  return texts;
}

/** One language of the kit in `contentDir`, its texts read from there and its glyph problems located there. */
export function localize(kit: Kit, contentDir: string, language: string): Localization {
  return localizeWith(kit, language, languageTexts(contentDir, language), {
    printed: (printed, danish) => checkGlyphs(printed, language, contentDir, danish),
    formatted: (text, what) => checkFormatted(text, language, contentDir, what),
  });
}

/** One language of the kit without the check against the fonts, for a command that prints nothing and so reads no font (list). */
export function localizeUnchecked(kit: Kit, contentDir: string, language: string): Localization {
  return localizeWith(kit, language, languageTexts(contentDir, language), UNCHECKED);
}
