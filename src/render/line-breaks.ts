import { host } from '../host/host.js';

/**
 * `text` cut at every point where a line may end, by the Unicode line-breaking algorithm
 * (UAX #14) in the implementation pdfmake breaks its lines with, so that kernekit sees the
 * same words pdfmake does. Each piece keeps the spaces after it. A word is a piece, and so
 * is each Chinese or Japanese character: those scripts break between characters, without
 * spaces (never before a closing bracket or "。", never after an opening one).
 */
export function breakablePieces(text: string): string[] {
  const pieces: string[] = [];
  const breaker = new (host.lineBreaker())(text);
  let last = 0;
  for (let point = breaker.nextBreak(); point; point = breaker.nextBreak()) {
    pieces.push(text.slice(last, point.position));
    last = point.position;
  }
  return pieces;
}
