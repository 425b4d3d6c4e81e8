import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isEditorFile } from '../content/editor-files.js';
import { InputError, type Problem } from '../content/problems.js';
import { missingGlyphs } from '../render/text-metrics.js';

/**
 * Every character of every string a language prints must be in the kit's fonts: pdfmake
 * has no per-glyph fallback and would print an empty box. Checked before rendering (and by
 * validate), so the writer hears which file, line, key and character, instead of finding a
 * blank on paper. `danish(key)` tells the strings that print the Danish source.
 */
export function checkGlyphs(printed: Map<string, string>, language: string, contentDir: string, danish: (qualifiedKey: string) => boolean): void {
  const problems: Problem[] = [];
  for (const [qualifiedKey, text] of printed) {
    const missing = [...new Set([...missingGlyphs(text, 'normal'), ...missingGlyphs(text, 'bold')])];
    if (missing.length === 0) continue;
    const [ns, key] = [qualifiedKey.slice(0, qualifiedKey.indexOf(':')), qualifiedKey.slice(qualifiedKey.indexOf(':') + 1)];
    const chars = missing.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} "${String.fromCodePoint(cp)}"`).join(', ');
    const where = danish(qualifiedKey) && ns === 'content' ? locateInContent(contentDir, text, missing[0]!) : locateInTranslation(contentDir, danish(qualifiedKey) ? 'da' : language, ns!, text);
    problems.push({
      ...where,
      field: `${language}:${qualifiedKey}`,
      message: `The fonts cannot print ${chars} (language ${language}, key ${key}). Use another character, or add a font that has it.`,
      rule: 'missing-glyph',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}

type Place = { file: string; line: number; column: number };

const shown = (file: string) => relative(process.cwd(), file) || file;

/** The translation file and line holding the text, where it can be found. */
function locateInTranslation(contentDir: string, language: string, ns: string, text: string): Place {
  const file = join(contentDir, 'locales', language, `${ns}.json`);
  return (existsSync(file) && find(file, JSON.stringify(text).slice(1, -1))) || { file: shown(file), line: 1, column: 1 };
}

/** The content YAML line with the word that holds the character (a YAML text may be folded over lines, a word is not). */
function locateInContent(contentDir: string, text: string, codePoint: number): Place {
  const char = String.fromCodePoint(codePoint);
  const word = text.split(/\s+/).find((w) => w.includes(char)) ?? char;
  const exercises = join(contentDir, 'exercises');
  const files = ['kit.yaml', 'misunderstandings.yaml', 'checklist.yaml'].map((f) => join(contentDir, f));
  if (existsSync(exercises)) files.push(...readdirSync(exercises).filter((f) => /\.ya?ml$/.test(f) && !isEditorFile(f)).sort().map((f) => join(exercises, f)));
  for (const needle of [word, char]) for (const file of files) {
    const place = existsSync(file) && find(file, needle);
    if (place) return place;
  }
  return { file: shown(join(contentDir, 'kit.yaml')), line: 1, column: 1 };
}

function find(file: string, needle: string): Place | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return i < 0 ? undefined : { file: shown(file), line: i + 1, column: [...lines[i]!.slice(0, lines[i]!.indexOf(needle))].length + 1 };
}
