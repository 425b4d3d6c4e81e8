import type { Localization } from '../i18n/translator.js';
import { describeDocument } from './index-page.js';
import type { ManifestFile } from './manifest.js';
import { labelledFileName } from './label-file-name.js';

const README_KEY = 'publish.readme.file';

/** The read-me's name in the zip, from the translation. */
export function readmeName(loc: Localization, contentDir: string): string {
  return labelledFileName(loc, contentDir, README_KEY, 'the read-me in the zip needs a plain name without folders, such as "LÆS-MIG.txt" or "README.txt".');
}

/** The plain-text read-me inside each language's zip. */
export function readme(loc: Localization, pdfs: ManifestFile[]): string {
  const kit = loc.kit.meta;
  const lines = [
    loc.t('publish.readme.heading', { kit: kit.title }),
    kit.subtitle,
    '',
    loc.t('publish.readme.contents'),
    ...pdfs.flatMap((f) => [`- ${f.path.slice(f.language.length + 1)}: ${f.title}`, `  ${describeDocument(loc, f)}`]),
    '',
    loc.t('publish.readme.print'),
    '',
    loc.t('publish.source', { source: kit.source.short }),
    '',
  ];
  return lines.join('\r\n');
}
