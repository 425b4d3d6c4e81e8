import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { InputError } from '../content/problems.js';
import { templateFile, translationFile } from '../i18n/files.js';
import type { Localization } from '../i18n/translator.js';
import type { ManifestFile } from './manifest.js';
import { isFileName } from '../publish/out-path.js';

const README_KEY = 'publish.readme.file';

/**
 * The read-me's name in the zip, from the translation: a file name, never a path, since a
 * zip entry named `../x.txt` would unpack outside the folder it is unpacked into.
 */
export function readmeName(loc: Localization, contentDir: string): string {
  const name = loc.t(README_KEY);
  if (isFileName(name)) return name;
  // The label is the language's own or the Danish it fell back to (the pseudo-locale's is made from the Danish).
  const files = [translationFile(contentDir, loc.language, 'labels'), templateFile(contentDir, 'labels')].filter((f) => existsSync(f));
  const file = files.find((f) => readFileSync(f, 'utf8').includes(JSON.stringify(name))) ?? files[files.length - 1]!;
  const before = readFileSync(file, 'utf8').split(JSON.stringify(name))[0]!.split('\n');
  throw new InputError([
    {
      file: relative(process.cwd(), file) || file,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      field: README_KEY,
      message: `${JSON.stringify(name)} is not a file name: the read-me in the zip needs a plain name without folders, such as "LÆS-MIG.txt" or "README.txt".`,
      rule: 'not-a-file-name',
    },
  ]);
}

/** The plain-text read-me inside each language's zip. */
export function readme(loc: Localization, pdfs: ManifestFile[]): string {
  const kit = loc.kit.meta;
  const lines = [
    loc.t('publish.readme.heading', { kit: kit.title }),
    kit.subtitle,
    '',
    loc.t('publish.readme.contents'),
    ...pdfs.flatMap((f) => [`- ${f.path.slice(f.language.length + 1)}: ${f.title}`, `  ${loc.t(`publish.describe.${f.document}`)}`]),
    '',
    loc.t('publish.readme.print'),
    '',
    loc.t('publish.source', { source: kit.source.short }),
    '',
  ];
  return lines.join('\r\n');
}
