import { bidi, mayBeRtl, runDirection, type Direction } from './run-direction.js';

// pdfmake breaks a paragraph into lines in logical order (the order the text is written in)
// and sets each line's inlines side by side from the left. A line with right-to-left text is
// placed in visual order here, after it is broken and before it is aligned, by the Unicode
// bidirectional algorithm (UAX #9, bidi-js): its inlines are cut into runs of one embedding
// level, the runs placed in the order rule L2 gives them, and the brackets of right-to-left
// runs mirrored (L4). Within a run, fontkit shapes and orders the glyphs (run-direction.ts
// says which way). pdfmake's justified alignment, which spreads a line's inlines in the
// order it holds them, is not for such lines; kernekit's layouts do not justify.

/** A pdfmake inline: a word, or part of one, in one style. */
export interface Inline {
  text: string;
  width: number;
  x: number;
  fontSize: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  font: { widthOfString(text: string, size: number, features?: unknown): number };
}

/** A pdfmake line, as Line.js keeps it. */
export interface BidiLine {
  inlines: Inline[];
  inlineWidths: number;
  leadingCut: number;
  trailingCut: number;
}

interface Run {
  inline: Inline;
  text: string;
  level: number;
}

const isSpace = (char: string) => char === ' ' || char === '\t';

/**
 * Places the inlines of `line`, a line of a paragraph whose base direction is `base`, in
 * visual order: each run at the x its level gives it. The runs stay in logical order in the
 * line, so they are drawn, and read out of the PDF (by a screen reader, or copied), in the
 * order they are written. A left-to-right line with no right-to-left character is left as it
 * is, so left-to-right documents are drawn exactly as before.
 */
export function visualOrder(line: BidiLine, base: Direction): void {
  const text = line.inlines.map((inline) => inline.text).join('');
  if (base === 'ltr' && !mayBeRtl(text)) return;
  const levels = lineLevels(text, base);
  const runs = levelRuns(line.inlines, levels);
  const inlines = new Map(runs.map((run) => [run, run.text === run.inline.text && run.level % 2 === 0 ? run.inline : drawn(run)]));
  // The spaces a line ends with lie at its paragraph's end side (rule L1), outside its width
  // as pdfmake measures it: for a right-to-left paragraph, to the left of its first run.
  let x = 0 - (base === 'rtl' ? line.trailingCut : line.leadingCut);
  for (const run of reorder(runs)) {
    const inline = inlines.get(run)!;
    inline.x = x;
    x += inline.width;
  }
  line.inlines = [...inlines.values()];
}

/** Each character's embedding level, with the spaces that end the line at the paragraph's level (L1). */
function lineLevels(text: string, base: Direction): Uint8Array {
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const paragraph = base === 'rtl' ? 1 : 0;
  for (let i = text.length - 1; i >= 0 && isSpace(text[i]!); i--) levels[i] = paragraph;
  return levels;
}

/**
 * The inlines cut where the level changes and after each space: pdfkit shapes a text word by
 * word, cut after each space, so a run shaped right to left must be a word of its own.
 */
function levelRuns(inlines: Inline[], levels: Uint8Array): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const inline of inlines) {
    let start = 0;
    for (let i = 0; i < inline.text.length; i++) {
      const level = levels[at + i]!;
      const next = i + 1 < inline.text.length ? levels[at + i + 1] : undefined;
      if (next !== level || isSpace(inline.text[i]!)) {
        runs.push({ inline, text: inline.text.slice(start, i + 1), level });
        start = i + 1;
      }
    }
    if (inline.text === '') runs.push({ inline, text: '', level: levels[at] ?? 0 });
    at += inline.text.length;
  }
  return runs;
}

/** Rule L2: from the highest level down to the lowest odd one, every sequence of runs at that level or above is reversed. */
function reorder(runs: Run[]): Run[] {
  const levels = runs.map((r) => r.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  const order = [...runs];
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if (order[i]!.level < level) continue;
      let end = i;
      while (end + 1 < order.length && order[end + 1]!.level >= level) end++;
      order.splice(i, end - i + 1, ...order.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return order;
}

/**
 * A run as its own inline, with the text it is drawn from. A right-to-left run's brackets are
 * mirrored; fontkit reverses a run holding right-to-left letters as it shapes it, but a run of
 * spaces and punctuation alone it shapes left to right, so that one is reversed here.
 */
function drawn(run: Run): Inline {
  let text = run.text;
  if (run.level % 2 === 1) {
    const chars = [...text].map((c) => bidi.getMirroredCharacter(c) ?? c);
    text = (runDirection(text) === 'rtl' ? chars : chars.reverse()).join('');
  }
  const inline = Object.create(Object.getPrototypeOf(run.inline), Object.getOwnPropertyDescriptors(run.inline)) as Inline;
  inline.text = text;
  if (text !== run.inline.text) inline.width = widthOf(inline);
  return inline;
}

/** As pdfmake measures an inline (TextInlines.widthOfText). */
const widthOf = (inline: Inline): number =>
  inline.font.widthOfString(inline.text, inline.fontSize, inline.fontFeatures ?? undefined) + (inline.characterSpacing ?? 0) * (inline.text.length - 1);
