import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChosenFont, FontChoice } from '../render/fonts.js';
import type { FontFile, Typeface } from './font-file.js';

const digests = new Map<string, string>();

/** A checked font file as the renderer takes it: its absolute path and its digest, read once per process. */
function chosen(font: FontFile): ChosenFont {
  const file = resolve(font.path);
  let sha256 = digests.get(file);
  if (sha256 === undefined) digests.set(file, (sha256 = createHash('sha256').update(readFileSync(file)).digest('hex')));
  return { file, sha256 };
}

/** The fonts of a checked config (`typeface:` by the renderer's names of the styles, and `fonts:`); undefined when it names none. */
export function fontChoice(config: { typeface: Typeface | null; fonts: FontFile[] } | null): FontChoice | undefined {
  if (!config || (config.typeface === null && config.fonts.length === 0)) return undefined;
  const t = config.typeface;
  return {
    typeface: t && {
      normal: chosen(t.regular),
      ...(t.bold ? { bold: chosen(t.bold) } : {}),
      ...(t.italic ? { italics: chosen(t.italic) } : {}),
      ...(t.boldItalic ? { bolditalics: chosen(t.boldItalic) } : {}),
    },
    fonts: config.fonts.map(chosen),
  };
}
