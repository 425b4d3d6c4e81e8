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
 * language instead (a Danish fallback) as left to right, so their own full stop or question
 * mark stays at their end: what `dir="ltr"` does on the web page. They still stand at the
 * document's start side (pdfmake's alignment), as on the web page.
 */
export function markOtherDirections(content: unknown, direction: Direction, other: OtherLanguage | undefined): void {
  if (direction === 'ltr' || !other) return;
  visitNodes(content, undefined, (record, context, key) => {
    if (key !== 'text' && typeof record.text === 'string' && other.texts.has(record.text)) {
      Object.defineProperty(record, BASE_DIRECTION, { value: 'ltr', writable: true, configurable: true, enumerable: false });
    }
    return context;
  });
}
