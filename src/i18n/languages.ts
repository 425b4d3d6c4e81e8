import { readdirSync } from 'node:fs';
import { isEditorFile } from '../content/editor-files.js';
import { localesDir, SOURCE_LANGUAGE } from './language-code.js';

/** Languages with a folder under content/locales/, Danish (the source) excluded. */
export function translatedLanguages(contentDir: string): string[] {
  try {
    return readdirSync(localesDir(contentDir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== SOURCE_LANGUAGE && !isEditorFile(d.name))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}
