import { parseClock } from './clock.js';
import { BREAK_RANGE, LENGTH_RANGE, PARTICIPANTS_RANGE, type Tailoring } from './tailoring.js';

/** The meeting's fields, named as the command line's options. */
export const TAILORING_FIELDS = ['participants', 'groups', 'start', 'exercises', 'break', 'minutes'] as const;
export type TailoringField = (typeof TAILORING_FIELDS)[number];

/** The fields typed one value each (the exercises are ticked and ordered instead), in the planner page's order. */
export const MEETING_FIELDS = ['participants', 'groups', 'start', 'break', 'minutes'] as const satisfies readonly TailoringField[];

/**
 * What a facilitator types about their meeting: on the command line, or in the planner
 * page's fields. `exercises` is comma-separated numbers or codes, in the order they are held.
 */
export type TypedTailoring = Partial<Record<TailoringField, string>>;

/** A value of the guide's tailoring that cannot be used, with what is needed to say why. */
export type TailoringProblem =
  | { field: 'participants'; rule: 'range'; value: string; min: number; max: number }
  | { field: 'groups'; rule: 'more-than-participants'; value: number; participants: number }
  | { field: 'groups'; rule: 'range'; value: string; max: number }
  | { field: 'start'; rule: 'clock'; value: string }
  | { field: 'exercises'; rule: 'empty'; value: string }
  | { field: 'break' | 'minutes'; rule: 'range'; value: string; min: number; max: number };

/**
 * Checks the tailoring as typed (on the command line or in the planner page) and reads it,
 * or lists what is wrong, each value on its own. --groups is bounded by --participants when
 * that is a good number. Both places check with this, and word the problems in their own way.
 * Which exercises the numbers or codes name is for meeting() to say: only the kit knows.
 */
export function checkTailoring(typed: TypedTailoring): { tailoring: Tailoring; problems: TailoringProblem[] } {
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
  let exercises: string[] | undefined;
  if (typed.exercises !== undefined) {
    exercises = [...new Set(typed.exercises.split(',').map((s) => s.trim()).filter(Boolean))];
    if (exercises.length === 0) {
      problems.push({ field: 'exercises', rule: 'empty', value: typed.exercises });
      exercises = undefined;
    }
  }
  const minutes = (field: 'break' | 'minutes', range: { min: number; max: number }): number | undefined => {
    const value = typed[field];
    if (value === undefined) return undefined;
    const n = wholeNumber(value);
    if (inRange(n, range.min, range.max)) return n;
    problems.push({ field, rule: 'range', value, ...range });
    return undefined;
  };
  const breakMinutes = minutes('break', BREAK_RANGE);
  const length = minutes('minutes', LENGTH_RANGE);
  return {
    tailoring: {
      participants,
      groups,
      start,
      ...(exercises ? { exercises } : {}),
      ...(breakMinutes !== undefined ? { breakMinutes } : {}),
      ...(length !== undefined ? { length } : {}),
    },
    problems,
  };
}

/** False for NaN too. */
function inRange(n: number, lo: number, hi: number): boolean {
  return n >= lo && n <= hi;
}

/** NaN for anything but plain digits, so "2.5", "-3" and "tyve" all fail the range checks. */
function wholeNumber(value: string): number {
  return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
}
