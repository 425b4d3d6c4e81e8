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
    ...(loc.language !== SOURCE_LANGUAGE ? { otherLanguage: { language: SOURCE_LANGUAGE, texts: printedInDanish(loc) } } : {}),
  };
}

/**
 * What a language prints in Danish for want of a translation: its content's texts and its
 * labels', the labels as the document's layouts print them (the set grows as they do, so it
 * is asked when the PDF is drawn).
 */
const printedInDanish = (loc: Localization) => ({ has: (text: string) => loc.fallbackTexts.has(text) || loc.fallbackLabels.has(text) });
