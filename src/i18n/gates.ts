import { UsageError } from '../content/problems.js';
import { list } from '../commands/build-args.js';

/** What a translation can fail on, in `i18n status` and `build`: `--fail-on` names them, `--strict` means all. */
export const GATES = ['placeholders', 'missing', 'stale'] as const;
export type Gate = (typeof GATES)[number];

/**
 * `--fail-on placeholders,missing,stale`; `--strict` alone means all three. Broken
 * placeholders always fail: no build prints them.
 */
export function parseGates(failOn: string | undefined, strict: boolean): Gate[] {
  const named = failOn === undefined ? (strict ? GATES : []) : list(failOn, 'fail-on');
  for (const g of named) if (!(GATES as readonly string[]).includes(g)) throw new UsageError(`--fail-on "${g}" is not a check. Choose from: ${GATES.join(', ')}.`);
  return GATES.filter((g) => g === 'placeholders' || named.includes(g));
}
