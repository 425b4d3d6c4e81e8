import type { BuildOptions, ComposedDocument } from '../documents/family.js';
import { webFontsView } from '../fonts/web-fonts.js';
import { footerSource } from '../documents/page.js';
import { pageLanguage } from '../i18n/page-language.js';
import type { Localization } from '../i18n/translator.js';
import { runHtmlLayout } from '../layout/html-layouts.js';
import { focusColour } from './focus-colour.js';
import { fallbackPassages, isolateFallbacks } from './isolate-fallbacks.js';

/** The accent of an unbranded kit; also the index page's. */
export const DEFAULT_ACCENT = '#1D5E8C';

/** `<name>.html` beside `<name>.pdf`. */
export function editionFile(pdfFile: string): string {
  return pdfFile.replace(/\.pdf$/, '.html');
}

/**
 * A document's HTML edition: its layouts/html/ layout run on the document's own view,
 * inside the page frame every edition shares (language, direction, title, the links to
 * the index and to the PDF, the source line).
 */
export function htmlEdition(doc: ComposedDocument, loc: Localization, options: BuildOptions): string {
  const page = {
    ...pageLanguage(loc.language),
    title: `${doc.title} – ${loc.kit.meta.title}`,
    author: options.branding?.organisation ?? loc.kit.meta.source.publisher,
    focus: focusColour(options.branding?.accent ?? DEFAULT_ACCENT),
    navLabel: loc.t('html.navigation'),
    home: '../index.html',
    fonts: webFontsView('../', options.fonts),
    homeLabel: loc.t('html.home'),
    pdf: doc.file,
    pdfLabel: loc.t('html.pdf', { title: doc.title }),
    source: footerSource(loc, options, doc.edition.attribution),
  };
  const html = runHtmlLayout(doc.edition.layout, { ...doc.edition.view, page }, loc.t);
  return isolateFallbacks(html, fallbackPassages([loc]));
}
