import { formatProblem } from '../content/problems.js';
import type { BuildWarnings } from '../driver/warnings.js';
import type { Io } from '../terminal.js';

/** A build's warnings on standard error, one line each, as build and watch print them. */
export function printWarnings(io: Io, w: BuildWarnings): void {
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const [language, keys] of w.missing) io.err(`warning: ${language}: ${s(keys.length, 'key')} not translated, printed in Danish: ${named(keys, language)}`);
  for (const [language, keys] of w.stale) io.err(`warning: ${language}: ${s(keys.length, 'translation')} stale, the Danish changed since: ${named(keys, language)}`);
  if (w.noPreviews) io.err(`warning: ${w.noPreviews}`);
  if (w.meeting) io.err(`warning: ${w.meeting}`);
  for (const p of w.content) io.err(`warning: ${formatProblem(p)}`);
}

/** Keys a warning names: all of a few; of a language just begun, the first and where to see the rest (a line of 400 keys is read by nobody). */
const NAMED_KEYS = 10;
function named(keys: readonly string[], language: string): string {
  if (keys.length <= NAMED_KEYS) return keys.join(', ');
  return `${keys.slice(0, NAMED_KEYS).join(', ')} and ${keys.length - NAMED_KEYS} more (kernekit i18n status --lang ${language} lists them all)`;
}

/** A build's warnings in --json (common.schema.json's `warnings`). */
export function warningsJson(w: BuildWarnings): object {
  return { missing: Object.fromEntries(w.missing), stale: Object.fromEntries(w.stale), content: w.content, ...(w.noPreviews ? { noPreviews: w.noPreviews } : {}), ...(w.meeting ? { meeting: w.meeting } : {}) };
}
