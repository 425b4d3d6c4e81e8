import { styleOf, type FontStyle } from './fonts.js';
import { parseFont, type ParsedFont } from './parsed-fonts.js';
import { faceFile, faceFor, fontSet, typefaceOf, unseen, type Face, type FontSet } from './font-set.js';
import { drawsCommonText } from './common-glyphs.js';
import { fontRuns, needsFallback } from './font-runs.js';

export interface TextStyle {
  fontSize: number;
  bold: boolean;
  italics: boolean;
}

const parsed = (face: Face, style: FontStyle): ParsedFont => parseFont(faceFile(face, style));

/** The text in runs of one face each, as it will be drawn (font-runs.ts); one run of the typeface when it has every character. */
function measuredRuns(text: string): Array<{ text: string; face: Face }> {
  const set = fontSet();
  return needsFallback(text, set) ? fontRuns(text, set) : [{ text, face: typefaceOf(set) }];
}

/**
 * The width of `text` in points, give or take kerning and ligatures: the sum of its letters'
 * advance widths, without shaping (which is what makes exact measuring slow). Good for
 * telling that a word surely fits a line.
 */
export function roughWidth(text: string, style: TextStyle): number {
  const key = styleOf(style.bold, style.italics);
  let points = 0;
  for (const run of measuredRuns(text)) {
    const f = parsed(run.face, key);
    const known = `${run.face.family}:${key}`;
    let units = 0;
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      units += remembered(advances, known, cp, () => f.advanceOf(cp));
    }
    points += (units * style.fontSize) / f.unitsPerEm;
  }
  return points;
}

const advances = new Map<string, Map<number, number>>();

/** Widths in font units do not depend on the size, so each text is shaped once per face and style. */
const widths = new Map<string, Map<string, number>>();

/** Advance width in points, with the same shaping pdfkit applies (kerning included), each run in its own face. */
export function textWidth(text: string, style: TextStyle): number {
  const key = styleOf(style.bold, style.italics);
  let points = 0;
  for (const run of measuredRuns(text)) {
    const f = parsed(run.face, key);
    const units = remembered(widths, `${run.face.family}:${key}`, run.text, () => f.layout(run.text).advanceWidth);
    points += (units * style.fontSize) / f.unitsPerEm;
  }
  return points;
}

/**
 * Code points no face of the font set draws upright and bold (font-set.ts), for the glyph check
 * before rendering: a character the typeface lacks is drawn from the first face that has it.
 */
export function missingGlyphs(text: string, set: FontSet = fontSet()): number[] {
  if (drawsCommonText(typefaceOf(set), text)) return [];
  const missing = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!unseen(cp) && !faceFor(set, cp)) missing.add(cp);
  }
  return [...missing];
}

/** The value for `key` in the table of a face's style, computed the first time it is asked for. */
function remembered<K, V>(tables: Map<string, Map<K, V>>, style: string, key: K, compute: () => V): V {
  let table = tables.get(style);
  if (!table) tables.set(style, (table = new Map()));
  let value = table.get(key);
  if (value === undefined) table.set(key, (value = compute()));
  return value;
}
