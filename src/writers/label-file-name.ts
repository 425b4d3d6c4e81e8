import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../content/problems.js';
import { locateText, templateFile, translationFile } from '../i18n/files.js';
import type { Localization } from '../i18n/translator.js';
import { isFileName } from '../publish/out-path.js';
import { kitFileNames } from './kit-files.js';

/**
 * A file name that a translation gives (the zip's read-me, the planner page): a plain name,
 * never a path, since `../x` would land outside the folder it is written or unpacked into,
 * and never the name of a file the kit publishes beside it, which it would replace.
 * `fits` adds what else the name must be; `advice` says what to write instead.
 */
export function labelledFileName(loc: Localization, contentDir: string, key: string, advice: string, fits: (name: string) => boolean = () => true): string {
  const name = loc.t(key);
  const taken = kitFileNames(loc.kit, loc.language).has(name);
  if (isFileName(name) && fits(name) && !taken) return name;
  // The label is the language's own or the Danish it fell back to (the pseudo-locale's is made from the Danish).
  const files = [translationFile(contentDir, loc.language, 'labels'), templateFile(contentDir, 'labels')].filter((f) => existsSync(f));
  const file = files.find((f) => readFileSync(f, 'utf8').includes(JSON.stringify(name))) ?? files[files.length - 1]!;
  throw new InputError([
    {
      ...locateText(file, name),
      field: key,
      message: taken ? `${JSON.stringify(name)} is the name of a file the kit publishes, which a second file of that name would replace: ${advice}` : `${JSON.stringify(name)} is not a file name: ${advice}`,
      rule: taken ? 'reserved-file-name' : 'not-a-file-name',
    },
  ]);
}
