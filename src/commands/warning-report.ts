import { formatProblem } from '../content/problems.js';
import type { BuildWarnings } from '../driver/warnings.js';
import type { Io } from '../terminal.js';

/** A build's warnings on standard error, one line each, as build and watch print them. */
export function printWarnings(io: Io, w: BuildWarnings): void {
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const [language, keys] of w.missing) io.err(`warning: ${language}: ${s(keys.length, 'key')} not translated, printed in Danish: ${keys.join(', ')}`);
  for (const [language, keys] of w.stale) io.err(`warning: ${language}: ${s(keys.length, 'translation')} stale, the Danish changed since: ${keys.join(', ')}`);
  if (w.noPreviews) io.err(`warning: ${w.noPreviews}`);
  if (w.meeting) io.err(`warning: ${w.meeting}`);
  for (const p of w.content) io.err(`warning: ${formatProblem(p)}`);
}

/** A build's warnings in --json (common.schema.json's `warnings`). */
export function warningsJson(w: BuildWarnings): object {
  return { missing: Object.fromEntries(w.missing), stale: Object.fromEntries(w.stale), content: w.content, ...(w.noPreviews ? { noPreviews: w.noPreviews } : {}), ...(w.meeting ? { meeting: w.meeting } : {}) };
}
