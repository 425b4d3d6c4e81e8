import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { LAYOUT_DIR } from '../layout/layouts.js';
import type { Localization } from '../i18n/translator.js';
import type { Manifest } from './manifest.js';
import { formatBytes } from './format.js';

/**
 * The folder's index.html: every document of every language with its thumbnail and a
 * download link. The template escapes every value (content and translations are text,
 * never markup) and loads nothing from outside the folder.
 */
export function indexPage(manifest: Manifest, locs: Localization[], options: { accent: string; organisation: string | null }): string {
  const first = locs[0]!;
  const view = {
    lang: first.language,
    title: first.t('publish.pageTitle', { kit: first.kit.meta.title }),
    intro: first.t('publish.intro'),
    organisation: options.organisation,
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
            preview: f.preview,
            previewAlt: loc.t('publish.thumbnail', { title: f.title }),
            downloadLabel: loc.t('publish.download', { title: f.title, pages: loc.t('publish.pages', { count: f.pages }), size: formatBytes(f.bytes, lang) }),
          })),
      };
    }),
  };
  return template()(view);
}

let compiled: HandlebarsTemplateDelegate | undefined;
function template(): HandlebarsTemplateDelegate {
  compiled ??= Handlebars.create().compile(readFileSync(LAYOUT_DIR + 'index.hbs', 'utf8'), { strict: true });
  return compiled;
}
