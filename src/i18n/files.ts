import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../content/problems.js';
import { shownPath as shown } from '../kit-paths.js';
import { writeAtomic } from '../publish/write.js';
import { contains, realPath } from '../real-path.js';
import { localeFolder, localesDir } from './language-code.js';

export { localesDir, SOURCE_LANGUAGE } from './language-code.js';

/** The two components a translation tool sees: content texts and layout labels. */
export const NAMESPACES = ['content', 'labels'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/*
 * Where translation files live. A translation tool is pointed at `locales/<lang>/<ns>.json`
 * (translations only) with `source-da/<ns>.json` as its template; what kernekit records for
 * itself lives in `.kernekit/`, where no tool's file mask reaches.
 */
export const translationFile = (contentDir: string, language: string, ns: Namespace) =>
  join(localesDir(contentDir), localeFolder(contentDir, language) ?? language, `${ns}.json`);
export const templateFile = (contentDir: string, ns: Namespace) => join(contentDir, 'source-da', `${ns}.json`);
export const stateFile = (contentDir: string) => join(contentDir, '.kernekit', 'translations.json');

/**
 * Files below the content folder that kernekit writes itself (the translation record and
 * the content template made from the YAML): a build neither reads them for what it prints
 * nor should react to them changing. `file` is relative to the content folder.
 */
export const isKernekitRecord = (file: string) => /^(\.kernekit[\\/]|source-da[\\/]content\.json$)/.test(file);

export { shownPath as shown } from '../kit-paths.js';

export { readJson, readResource } from './resource-file.js';

/**
 * Writes JSON the way translation tools write it back (2-space indent, UTF-8, final
 * newline), so a round trip through Weblate or Crowdin changes no line. Returns whether
 * the file changed; an unchanged file is not touched.
 */
export function writeJson(contentDir: string, file: string, data: object): boolean {
  const text = JSON.stringify(data, null, 2) + '\n';
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeAtomic(fileInContent(contentDir, file), text);
  return true;
}

/**
 * The file a write to `file` lands in, which must lie inside the content folder. A file that
 * is a link (one language's file shared with another) is written where it leads, so it stays
 * a link; a link that leads outside the content folder, or nowhere, is refused: kernekit
 * writes nothing but the content folder, and replacing the link would silently part the files.
 */
function fileInContent(contentDir: string, file: string): string {
  const target = realPath(file);
  const refuse = (where: string) => {
    throw new InputError([{ file: shown(file), line: 1, column: 1, field: '', message: `The file is a link to ${where}; kernekit writes translations only inside the content folder. Replace the link with a copy of the file, or point it at a file inside the content folder.`, rule: 'link-outside-content' }]);
  };
  if (!contains(contentDir, target)) return refuse(`${target}, outside the content folder`);
  if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() && !existsSync(file)) return refuse(`${readlinkSync(file)}, which does not exist`);
  return target;
}

/** The line and column of a text in a JSON file, where it can be found (for messages). */
export function locateText(file: string, text: string): { file: string; line: number; column: number } {
  if (!existsSync(file)) return { file: shown(file), line: 1, column: 1 };
  const lines = readFileSync(file, 'utf8').split('\n');
  const needle = JSON.stringify(text).slice(1, -1);
  const i = lines.findIndex((l) => l.includes(needle));
  return { file: shown(file), line: i + 1 || 1, column: i >= 0 ? lines[i]!.indexOf(needle) + 1 : 1 };
}
