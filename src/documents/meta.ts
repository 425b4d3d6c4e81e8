import type { Localization } from '../i18n/translator.js';
import type { PdfMeta } from '../render/render.js';
import type { BuildOptions } from './family.js';
import { SOURCE_LANGUAGE } from '../i18n/source-language.js';

/**
 * The metadata every kit PDF carries, so a downloaded file still says what it is. The
 * author is the organisation that publishes the kit when the config names one.
 */
export function pdfMeta(loc: Localization, options: BuildOptions, title: string, subject: string): PdfMeta {
  const kit = loc.kit.meta;
  return {
    title: `${title} – ${kit.title}`,
    author: options.branding?.organisation ?? kit.source.publisher,
    subject,
    keywords: loc.t('kit.keywords'),
    creator: loc.t('kit.creator', { version: options.version }),
    language: loc.language,
    date: options.date,
    ...(loc.fallbackTexts.size > 0 ? { otherLanguage: { language: SOURCE_LANGUAGE, texts: loc.fallbackTexts } } : {}),
  };
}
