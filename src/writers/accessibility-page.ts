import type { Localization } from '../i18n/translator.js';
import { webFontsView } from '../fonts/web-fonts.js';
import type { FontChoice } from '../render/fonts.js';
import { pageLanguage } from '../i18n/page-language.js';
import { runHtmlLayout } from '../layout/html-layouts.js';
import { focusColour } from './focus-colour.js';
import { fallbackPassages, isolateFallbacks } from './isolate-fallbacks.js';
import { sectionHeading } from './own-language.js';
import type { Manifest } from './manifest.js';

/** At the top of the folder, beside index.html, under one name whatever the languages. */
export const ACCESSIBILITY_FILE = 'tilgaengelighed.html';

/**
 * The folder's accessibility page: per language and document, that the HTML edition
 * conforms to WCAG 2.1 AA, that the PDF (untagged) does not, and where the one is for the
 * other. Worded so a publisher can link it from their accessibility statement.
 */
export function accessibilityPage(manifest: Manifest, locs: Localization[], accent: string, fonts?: FontChoice): string {
  const first = locs[0]!;
  const page = {
    ...pageLanguage(first.language),
    title: first.t('accessibility.title', { kit: first.kit.meta.title }),
    focus: focusColour(accent),
    home: 'index.html',
    fonts: webFontsView('', fonts),
    homeLabel: first.t('accessibility.back'),
  };
  const languages = locs.map((loc) => ({
    id: `lang-${loc.language}`,
    ...pageLanguage(loc.language),
    heading: sectionHeading(loc),
    documents: manifest.files
      .filter((f) => f.language === loc.language && f.kind === 'pdf')
      .map((f) => ({
        title: f.title,
        html: f.html ? { href: f.html, label: loc.t('accessibility.htmlLink', { title: f.title }) } : null,
        pdf: { href: f.path, label: loc.t('accessibility.pdfLink', { title: f.title }) },
      })),
  }));
  return isolateFallbacks(runHtmlLayout('accessibility.hbs', { page, languages }, first.t), fallbackPassages(locs));
}
