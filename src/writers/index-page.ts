import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import { LAYOUT_DIR, onLayoutsChanged } from '../layout/layouts.js';
import type { Localization } from '../i18n/translator.js';
import { logoDataUri } from '../config/logo.js';
import type { Branding } from '../documents/family.js';
import type { Manifest } from './manifest.js';
import { formatBytes } from './format.js';

/**
 * The folder's index.html: every document of every language with its thumbnail and a
 * download link. The template escapes every value (content and translations are text,
 * never markup) and loads nothing from outside the folder.
 */
export function indexPage(
  manifest: Manifest,
  locs: Localization[],
  options: { accent: string; organisation: string | null; logo?: Branding['logo'] },
): string {
  const first = locs[0]!;
  const logo = options.logo ?? null;
  const view = {
    lang: first.language,
    title: first.t('publish.pageTitle', { kit: first.kit.meta.title }),
    intro: first.t('publish.intro'),
    organisation: options.organisation,
    // Inline, so the folder stays self-contained without an extra file to publish.
    logo: logo === null ? null : { src: logoDataUri(logo), alt: options.organisation ?? first.t('branding.logo') },
    accent: options.accent,
    languagesLabel: first.t('publish.languages'),
    languages: locs.map((loc) => {
      const lang = loc.language;
      const zipFile = manifest.files.find((f) => f.language === lang && f.kind === 'zip');
      return {
        id: `lang-${lang}`,
        code: lang,
        name: loc.t('publish.languageName'),
        heading: loc.t('publish.section'),
        source: loc.t('publish.source', { source: loc.kit.meta.source.short }),
        zip: zipFile ? { href: zipFile.path, label: loc.t('publish.zip', { size: formatBytes(zipFile.bytes, lang) }) } : null,
        documents: manifest.files
          .filter((f) => f.language === lang && f.kind === 'pdf')
          .map((f) => ({
            title: f.title,
            description: loc.t(`publish.describe.${f.document}`),
            href: f.path,
            // No thumbnail when the build could not draw one (see PreviewsUnavailable).
            preview: f.preview ?? null,
            previewAlt: loc.t('publish.thumbnail', { title: f.title }),
            downloadLabel: loc.t('publish.download', { title: f.title, pages: loc.t('publish.pages', { count: f.pages }), size: formatBytes(f.bytes, lang) }),
          })),
      };
    }),
  };
  return template()(view);
}

let compiled: HandlebarsTemplateDelegate | undefined;
onLayoutsChanged(() => (compiled = undefined));
function template(): HandlebarsTemplateDelegate {
  compiled ??= (createRequire(import.meta.url)('handlebars') as typeof Handlebars).create().compile(readFileSync(LAYOUT_DIR + 'index.hbs', 'utf8'), { strict: true });
  return compiled;
}
