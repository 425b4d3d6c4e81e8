import { host } from '../host/host.js';

/** Texts already cut, with their pieces: fitting cuts a text at every size it tries, in every box that holds it. */
const cut = new Map<string, readonly string[]>();
/** Texts remembered at most (a deck cuts some 60): a long watch session or planner page starts again past it. */
const MAX_CUT = 10_000;

/**
 * `text` cut at every point where a line may end, by the Unicode line-breaking algorithm
 * (UAX #14) in the implementation pdfmake breaks its lines with, so that kernekit sees the
 * same words pdfmake does. Each piece keeps the spaces after it. A word is a piece, and so
 * is each Chinese or Japanese character: those scripts break between characters, without
 * spaces (never before a closing bracket or "。", never after an opening one).
 */
export function breakablePieces(text: string): readonly string[] {
  let pieces = cut.get(text);
  if (!pieces) {
    if (cut.size >= MAX_CUT) cut.clear();
    cut.set(text, (pieces = cutText(text)));
  }
  return pieces;
}

function cutText(text: string): string[] {
  const pieces: string[] = [];
  const breaker = new (host.lineBreaker())(text);
  let last = 0;
  for (let point = breaker.nextBreak(); point; point = breaker.nextBreak()) {
    pieces.push(text.slice(last, point.position));
    last = point.position;
  }
  return pieces;
}
