import { parseClock } from './clock.js';
import { PARTICIPANTS_RANGE, type Tailoring } from './tailoring.js';

/** A value of the guide's tailoring that cannot be used, with what is needed to say why. */
export type TailoringProblem =
  | { field: 'participants'; rule: 'range'; value: string; min: number; max: number }
  | { field: 'groups'; rule: 'more-than-participants'; value: number; participants: number }
  | { field: 'groups'; rule: 'range'; value: string; max: number }
  | { field: 'start'; rule: 'clock'; value: string };

/**
 * Checks the tailoring as typed (on the command line or in the planner page) and reads it,
 * or lists what is wrong, each value on its own. --groups is bounded by --participants when
 * that is a good number. Both places check with this, and word the problems in their own way.
 */
export function checkTailoring(typed: { participants?: string; groups?: string; start?: string }): { tailoring: Tailoring; problems: TailoringProblem[] } {
  const problems: TailoringProblem[] = [];
  const { min, max } = PARTICIPANTS_RANGE;
  let participants: number | undefined;
  if (typed.participants !== undefined) {
    participants = wholeNumber(typed.participants);
    if (!inRange(participants, min, max)) {
      problems.push({ field: 'participants', rule: 'range', value: typed.participants, min, max });
      participants = undefined;
    }
  }
  let groups: number | undefined;
  if (typed.groups !== undefined) {
    groups = wholeNumber(typed.groups);
    if (participants !== undefined && groups > participants) {
      problems.push({ field: 'groups', rule: 'more-than-participants', value: groups, participants });
      groups = undefined;
    } else if (!inRange(groups, 1, participants ?? max)) {
      problems.push({ field: 'groups', rule: 'range', value: typed.groups, max: participants ?? max });
      groups = undefined;
    }
  }
  const start = typed.start === undefined ? undefined : parseClock(typed.start);
  if (typed.start !== undefined && start === undefined) problems.push({ field: 'start', rule: 'clock', value: typed.start });
  return { tailoring: { participants, groups, start }, problems };
}

/** False for NaN too. */
function inRange(n: number, lo: number, hi: number): boolean {
  return n >= lo && n <= hi;
}

/** NaN for anything but plain digits, so "2.5", "-3" and "tyve" all fail the range checks. */
function wholeNumber(value: string): number {
  return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
}
