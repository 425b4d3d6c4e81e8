import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEditorFile } from '../content/editor-files.js';
import type { Problem } from '../content/problems.js';
import { unprintable } from '../render/unprintable.js';
import { splitKey } from './catalog.js';
import { locateText, shown, templateFile, translationFile } from './files.js';

/**
 * Every character of every string a language prints must be in a face of the font set: the
 * kit's typeface, the script faces or the config's `fonts:` (see unprintable). Checked before rendering (and by validate), so the writer hears which file,
 * line, key and character, instead of finding a blank on paper: the translation's problems
 * first, then the Danish texts it falls back on. `danish(key)` tells the
 * strings that print the Danish source.
 */
export function checkGlyphs(printed: Map<string, string>, language: string, contentDir: string, danish: (qualifiedKey: string) => boolean): Problem[] {
  const translated: Problem[] = [];
  const fromSource: Problem[] = [];
  for (const [qualifiedKey, text] of printed) {
    const chars = unprintable(text);
    if (!chars) continue;
    const { ns, key } = splitKey(qualifiedKey);
    const fromDanish = danish(qualifiedKey);
    const where = fromDanish && ns === 'content' ? locateInContent(contentDir, key, text) : locateText(fromDanish ? templateFile(contentDir, ns) : translationFile(contentDir, language, ns), text);
    (fromDanish ? fromSource : translated).push({
      ...where,
      field: `${language}:${qualifiedKey}`,
      message: `The fonts cannot print ${chars} (language ${language}, key ${key}). Use another character, or add a font that has it.`,
      rule: 'missing-glyph',
    });
  }
  return [...translated, ...fromSource];
}

/**
 * Dates and numbers come from the language's own conventions (Intl), not from a
 * translator, so they are checked as they are made: a Tigrinya month name or Arabic
 * digits would otherwise print as empty boxes.
 */
export function checkFormatted(text: string, language: string, contentDir: string, what: { field: string; value: string }): Problem | undefined {
  const chars = unprintable(text);
  if (!chars) return undefined;
  const where = what.field.startsWith('source.') ? locateText(join(contentDir, 'kit.yaml'), what.value) : locateText(translationFile(contentDir, language, 'labels'), '');
  return {
    ...where,
    field: what.field,
    message: `In ${language}, ${what.value} is written "${text}" (the language's own convention), and the fonts cannot print ${chars}. kernekit's fonts cover Latin, Greek, Cyrillic, Arabic and Ethiopic; add a font that covers this script under fonts: in kernekit.config.yaml.`,
    rule: 'missing-glyph',
  };
}

type Place = { file: string; line: number; column: number };

/**
 * The content YAML line with the first word of `text` that holds an unprintable character (a
 * YAML text may be folded over lines, a word is not), looked for from the line of the id the
 * key names (`item.<id>`, `exercise.<id>.title`): the same word in two texts is found in each.
 */
function locateInContent(contentDir: string, key: string, text: string): Place {
  const word = text.split(/\s+/).find((w) => unprintable(w)) ?? text;
  const id = key.split('.')[1] ?? '';
  const idLine = new RegExp(`^\\s*(?:- )?id:\\s*["']?${id.replace(/[^\w-]/g, '')}["']?\\s*(?:#.*)?$`);
  const exercises = join(contentDir, 'exercises');
  const files = ['kit.yaml', 'misunderstandings.yaml', 'checklist.yaml'].map((f) => join(contentDir, f));
  if (existsSync(exercises)) files.push(...readdirSync(exercises).filter((f) => /\.ya?ml$/.test(f) && !isEditorFile(f)).sort().map((f) => join(exercises, f)));
  const read = files.filter((f) => existsSync(f)).map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n') }));
  const place = (file: string, lines: string[], i: number): Place => ({ file: shown(file), line: i + 1, column: [...lines[i]!.slice(0, Math.max(0, lines[i]!.indexOf(word)))].length + 1 });
  for (const { file, lines } of read) {
    const from = id ? lines.findIndex((l) => idLine.test(l)) : -1;
    if (from < 0) continue;
    const i = lines.findIndex((l, n) => n >= from && l.includes(word));
    // A text written with YAML escapes ("\ud800") does not hold the word: its id's line is the nearest place.
    return place(file, lines, i >= 0 ? i : from);
  }
  for (const { file, lines } of read) {
    const i = lines.findIndex((l) => l.includes(word));
    if (i >= 0) return place(file, lines, i);
  }
  return { file: shown(join(contentDir, 'kit.yaml')), line: 1, column: 1 };
}
