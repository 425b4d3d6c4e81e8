import { visitNodes } from './nodes.js';
import type { OtherLanguage } from './tag-tree.js';
import type { Direction } from './run-direction.js';

/**
 * The property of a text node that holds its paragraph's base direction, where it is not its
 * document's. Not enumerable, as tag-tree.ts's: pdfmake's copies and the walkers pass it by.
 */
export const BASE_DIRECTION = 'bidiBase';

/**
 * Marks the paragraphs of a right-to-left document that are printed in a left-to-right
 * language instead (a Danish fallback, or runs that are each one: "Øvelse 1" and a Danish
 * title) as left to right, so their own full stop or question mark stays at their end: what
 * `dir="ltr"` does on the web page. They still stand at the document's start side, as on the
 * web page. Returns `content`.
 */
export function markOtherDirections<T>(content: T, direction: Direction, other: OtherLanguage | undefined): T {
  if (direction === 'ltr' || !other) return content;
  visitNodes(content, undefined, (record, context, key) => {
    if (key !== 'text' && record.text !== undefined && inOtherLanguage(record.text, other)) {
      Object.defineProperty(record, BASE_DIRECTION, { value: 'ltr', writable: true, configurable: true, enumerable: false });
    }
    return context;
  });
  return content;
}

/**
 * A text printed in the other language: whole, or cut into runs by face (a Danish sentence
 * with Persian digits in it), or runs that are each such a text (spaces between them aside).
 */
function inOtherLanguage(text: unknown, other: OtherLanguage): boolean {
  if (typeof text === 'string') return other.texts.has(text);
  if (!Array.isArray(text) || text.length === 0) return false;
  const runs = text.map((run) => (run !== null && typeof run === 'object' && !Array.isArray(run) ? (run as { text?: unknown }).text : run));
  if (runs.every((run) => typeof run === 'string') && other.texts.has(runs.join(''))) return true;
  const words = runs.filter((run) => typeof run !== 'string' || run.trim() !== '');
  return words.length > 0 && words.every((run) => inOtherLanguage(run, other));
}
