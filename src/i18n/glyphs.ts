import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError, type Problem } from '../content/problems.js';
import { missingGlyphs } from '../render/text-metrics.js';

/**
 * Every character of every string a language prints must be in the kit's fonts: pdfmake
 * has no per-glyph fallback and would print an empty box. Checked before rendering, so
 * the translator hears which key and which character, instead of finding a blank on paper.
 */
export function checkGlyphs(printed: Map<string, string>, language: string, contentDir: string): void {
  const problems: Problem[] = [];
  for (const [qualifiedKey, text] of printed) {
    const missing = new Set([...missingGlyphs(text, 'normal'), ...missingGlyphs(text, 'bold')]);
    if (missing.size === 0) continue;
    const [ns, key] = [qualifiedKey.slice(0, qualifiedKey.indexOf(':')), qualifiedKey.slice(qualifiedKey.indexOf(':') + 1)];
    const chars = [...missing].map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} "${String.fromCodePoint(cp)}"`).join(', ');
    const where = locate(contentDir, language, ns!, text);
    problems.push({
      ...where,
      field: `${language}:${qualifiedKey}`,
      message: `The fonts cannot print ${chars} (language ${language}, key ${key}). Use another character, or add a font that has it.`,
      rule: 'missing-glyph',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** The translation file and line holding the text, where it can be found. */
function locate(contentDir: string, language: string, ns: string, text: string): { file: string; line: number; column: number } {
  const file = join(contentDir, 'locales', language, `${ns}.json`);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) return { file: shown, line: 1, column: 1 };
  const lines = readFileSync(file, 'utf8').split('\n');
  const needle = JSON.stringify(text).slice(1, -1);
  const i = lines.findIndex((l) => l.includes(needle));
  return { file: shown, line: i + 1 || 1, column: i >= 0 ? lines[i]!.indexOf(needle) + 1 : 1 };
}
