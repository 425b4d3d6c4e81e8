import { join } from 'node:path';
import { InputError, type Problem } from '../content/problems.js';
import { missingGlyphs } from '../render/text-metrics.js';
import { splitKey } from './catalog.js';
import { locateText, translationFile } from './files.js';

/** The characters of a text that the kit's fonts (regular and bold) lack, as `U+XXXX "c"`. */
function unprintable(text: string): string | undefined {
  const missing = new Set([...missingGlyphs(text, 'normal'), ...missingGlyphs(text, 'bold')]);
  if (missing.size === 0) return undefined;
  return [...missing].map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} "${String.fromCodePoint(cp)}"`).join(', ');
}

/**
 * Every character of every string a language prints must be in the kit's fonts: pdfmake
 * has no per-glyph fallback and would print an empty box. Checked before rendering, so
 * the translator hears which key and which character, instead of finding a blank on paper.
 */
export function checkGlyphs(printed: Map<string, string>, language: string, contentDir: string): void {
  const problems: Problem[] = [];
  for (const [qualifiedKey, text] of printed) {
    const chars = unprintable(text);
    if (!chars) continue;
    const { ns, key } = splitKey(qualifiedKey);
    problems.push({
      ...locateText(translationFile(contentDir, language, ns), text),
      field: `${language}:${qualifiedKey}`,
      message: `The fonts cannot print ${chars} (language ${language}, key ${key}). Use another character, or add a font that has it.`,
      rule: 'missing-glyph',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Dates and numbers come from the language's own conventions (Intl), not from a
 * translator, so they are checked as they are made: a Tigrinya month name or Arabic
 * digits would otherwise print as empty boxes.
 */
export function checkFormatted(text: string, language: string, contentDir: string, what: { field: string; value: string }): string {
  const chars = unprintable(text);
  if (!chars) return text;
  const where = what.field.startsWith('source.') ? locateText(join(contentDir, 'kit.yaml'), what.value) : locateText(translationFile(contentDir, language, 'labels'), '');
  throw new InputError([
    {
      ...where,
      field: what.field,
      message: `In ${language}, ${what.value} is written "${text}" (the language's own convention), and the fonts cannot print ${chars}. kernekit's fonts cover Latin, Greek and Cyrillic; build this language only with a font that covers its script.`,
      rule: 'missing-glyph',
    },
  ]);
}
