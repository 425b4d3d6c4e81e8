import { mapNodes, visitNodes, type NodeRecord } from './nodes.js';
import { faceFor, faceHas, fontSet, typefaceOf, unseen, type Face, type FontSet } from './font-set.js';
import { drawsCommonText } from './common-glyphs.js';

// pdfmake draws a text with one font and has no fallback for a glyph it lacks. So before
// layout, every text holding a character the typeface lacks is split into runs, each with
// the face that has its characters (font-set.ts), and each run becomes an inline of its own
// with `font:` set. Texts the typeface draws whole are left exactly as they were, so a
// Danish or English PDF is the same bytes as without fallback.

export interface FontRun {
  text: string;
  face: Face;
}

/** A character of no script of its own (spaces, digits, punctuation) or a combining mark: it stays in the run it is in. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
export const isNeutral = (ch: string): boolean => NEUTRAL.test(ch);

/** Whether the typeface lacks a character of `text`. */
export function needsFallback(text: string, set: FontSet = fontSet()): boolean {
  const typeface = typefaceOf(set);
  if (drawsCommonText(typeface, text)) return false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!unseen(cp) && !faceHas(typeface, cp) && faceFor(set, cp)) return true;
  }
  return false;
}

/**
 * `text` as runs of one face each. A character goes to the first face that has it; a space,
 * digit, punctuation mark or combining mark stays with the run before it when that face has
 * it, so an Arabic or Japanese sentence is one run with its spaces and full stops; a line break
 * or soft hyphen, never drawn, stays in any run. A character no face has stays in its run (the glyph check has refused it before anything draws).
 */
export function fontRuns(text: string, set: FontSet = fontSet()): FontRun[] {
  const typeface = typefaceOf(set);
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const stays = last && (unseen(cp) || (isNeutral(ch) && faceHas(last.face, cp)));
    const face = stays ? last.face : unseen(cp) ? typeface : (faceFor(set, cp) ?? last?.face ?? typeface);
    if (last?.face === face) last.text += ch;
    else runs.push({ text: ch, face });
  }
  return runs;
}

/** The inlines a text is drawn as: a run of the typeface takes the font of its node, any other names its face. */
function inlines(text: string, set: FontSet): NodeRecord[] {
  const typeface = typefaceOf(set);
  return fontRuns(text, set).map((run) => (run.face === typeface ? { text: run.text } : { text: run.text, font: run.face.family }));
}

/**
 * A copy of pdfmake content (or what a header or footer callback returns) with each text the
 * typeface cannot draw whole split into runs of its faces; the content itself when there is none.
 */
export function withFontRuns<T>(content: T, set: FontSet = fontSet()): T {
  if (typeof content === 'string') return (needsFallback(content, set) ? { text: inlines(content, set) } : content) as T;
  let any = false;
  visitNodes(content, undefined, () => undefined, (text) => (any ||= needsFallback(text, set)));
  if (!any) return content;
  return mapNodes(content, undefined, {
    record(record, _, key) {
      if (typeof record.text !== 'string' || !needsFallback(record.text, set)) return { record, context: undefined };
      const runs = inlines(record.text, set);
      // pdfmake flattens an inline's own list of inlines and drops its style (bold, a link): each run keeps it instead.
      if (key === 'text') return { value: runs.map((run) => ({ ...record, ...run })) };
      return { value: { ...record, text: runs } };
    },
    text: (text) => (needsFallback(text, set) ? { text: inlines(text, set) } : text),
  });
}
