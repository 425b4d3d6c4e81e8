import { runHtmlLayout } from '../layout/html-layouts.js';
import { pageLanguage } from '../i18n/page-language.js';
import type { Localization } from '../i18n/translator.js';
import { logoDataUri } from '../config/logo-uri.js';
import type { Branding } from '../documents/family.js';
import type { Manifest, ManifestFile } from './manifest.js';
import { formatBytes } from './format.js';
import { focusColour } from './focus-colour.js';
import { ACCESSIBILITY_FILE } from './accessibility-page.js';
import { webFontsView } from '../fonts/web-fonts.js';
import type { FontChoice } from '../render/fonts.js';
import { fallbackPassages, isolateFallbacks } from './isolate-fallbacks.js';
import { ownName, sectionHeading } from './own-language.js';

/**
 * The folder's index.html: every document of every language with its thumbnail, a link
 * to its HTML edition and a download link, and a link to the accessibility page. The template escapes every value (content and translations are text,
 * never markup) and loads nothing from outside the folder.
 */
export function indexPage(
  manifest: Manifest,
  locs: Localization[],
  options: { accent: string; organisation: string | null; logo?: Branding['logo']; fonts?: FontChoice },
): string {
  const first = locs[0]!;
  const logo = options.logo ?? null;
  const view = {
    ...pageLanguage(first.language),
    title: first.t('publish.pageTitle', { kit: first.kit.meta.title }),
    intro: first.t('publish.intro'),
    organisation: options.organisation,
    // Inline, so the folder stays self-contained without an extra file to publish. Beside the
    // organisation's printed name the logo is decorative; alone, it is named.
    logo: logo === null ? null : { src: logoDataUri(logo), alt: first.t('branding.logo') },
    accent: options.accent,
    focus: focusColour(options.accent),
    fonts: webFontsView('', options.fonts),
    accessibility: { href: ACCESSIBILITY_FILE, label: first.t('publish.accessibility') },
    languagesLabel: first.t('publish.languages'),
    languages: locs.map((loc) => {
      const lang = loc.language;
      const zipFile = manifest.files.find((f) => f.language === lang && f.kind === 'zip');
      const plannerPage = manifest.files.find((f) => f.language === lang && f.kind === 'planner' && f.path.endsWith('.html'));
      const own = ownName(lang);
      return {
        id: `lang-${lang}`,
        page: pageLanguage(lang),
        name: loc.hasLabel('publish.languageName') ? loc.t('publish.languageName') : own,
        heading: sectionHeading(loc),
        source: loc.t('publish.source', { source: loc.kit.meta.source.short }),
        planner: plannerPage ? { href: plannerPage.path, label: loc.t('publish.planner') } : null,
        zip: zipFile ? { href: zipFile.path, label: zipLabel(loc, own, formatBytes(zipFile.bytes, lang)) } : null,
        documents: manifest.files
          .filter((f) => f.language === lang && f.kind === 'pdf')
          .map((f) => ({
            title: f.title,
            description: describeDocument(loc, f),
            href: f.path,
            html: f.html ?? null,
            webLabel: loc.t(`publish.web.${f.document}`, { title: f.title }),
            // No thumbnail when the build could not draw one (see PreviewsUnavailable).
            preview: f.preview ?? null,
            downloadLabel: loc.t(`publish.download.${f.document}`, { title: f.title, pages: loc.t('publish.pages', { count: f.pages }), size: formatBytes(f.bytes, lang) }),
          })),
      };
    }),
  };
  const html = runHtmlLayout('index.hbs', view, first.t);
  return isolateFallbacks(html, fallbackPassages(locs));
}

/** "Hent alle danske materialer …" would misname any other language's zip: without its own label, the language's name and the size. */
const zipLabel = (loc: Localization, own: string, size: string) => (loc.hasLabel('publish.zip') ? loc.t('publish.zip', { size }) : `${own} · zip (${size})`);

/** What a document is for, as the index and the readme say it; a poster of more than one page is in parts for office paper (--tile). */
export function describeDocument(loc: Localization, f: ManifestFile): string {
  return loc.t(`publish.describe.${f.document === 'poster' && (f.pages ?? 1) > 1 ? 'posterTiles' : f.document}`);
}
