import type { Exercise } from '../content/model.js';
import { UsageError } from '../content/problems.js';
import { groupTable, type GroupTable } from './groups.js';
import { schedule, totalMinutes, type Slot } from './schedule.js';
import type { Tailoring } from './tailoring.js';

/** One exercise of the meeting on the clock: offsets in minutes from the meeting's start. */
export interface ScheduledExercise {
  exercise: Exercise;
  from: number;
  to: number;
  /** The exercise's steps, offsets from the meeting's start too. */
  steps: Slot[];
  /** Who works on what, for an exercise that splits into groups when the number of groups is known. */
  groups: GroupTable | null;
}

/**
 * The facilitator's meeting: the chosen exercises in their order, each starting when the one
 * before ends plus the break, and the groups of each exercise that splits into groups.
 */
export interface Meeting {
  exercises: ScheduledExercise[];
  breakMinutes: number;
  participants?: number;
  groups?: number;
  /** Clock time of the start, minutes after midnight; without it the plan shows durations. */
  start?: number;
  /** Minutes from the start to the end of the last exercise. */
  minutes: number;
  /** The time the meeting has; when the exercises need more, `overrun` says by how much. */
  length?: number;
  overrun: number | null;
}

/**
 * Lays the chosen exercises end to end with `breakMinutes` between them (not after the
 * last), each exercise's steps end to end inside it.
 */
export function chain(exercises: readonly Exercise[], breakMinutes: number): Array<Omit<ScheduledExercise, 'groups'>> {
  let at = 0;
  return exercises.map((exercise, i) => {
    const from = at + (i > 0 ? breakMinutes : 0);
    const steps = schedule(exercise.steps).map((s) => ({ ...s, from: s.from + from, to: s.to + from }));
    at = from + totalMinutes(exercise.steps);
    return { exercise, from, to: at, steps };
  });
}

/** Minutes the exercises need beyond the meeting's length, or null when they fit (or no length was given). */
export function overrun(minutes: number, length: number | undefined): number | null {
  return length !== undefined && minutes > length ? minutes - length : null;
}

/**
 * The exercises a facilitator named, in their order: each by its number ("1"), its code
 * ("Ø1", in any case) or its id. All of the kit's when none were named. A name the kit
 * does not know stops the build, saying which there are.
 */
export function chosenExercises(all: readonly Exercise[], names: readonly string[] | undefined): Exercise[] {
  if (names === undefined) return [...all];
  const chosen = names.map((name) => {
    const found = all.find((e) => String(e.number) === name || e.code.toLowerCase() === name.toLowerCase() || e.id === name);
    if (!found) throw new UsageError(`--exercises "${name}" is not an exercise of the kit. Choose from: ${all.map((e) => `${e.number} (${e.code})`).join(', ')}, e.g. --exercises 1,3.`);
    return found;
  });
  return [...new Set(chosen)];
}

/** The build's warning when the meeting's exercises do not fit its length, in the command line's words. */
export function overrunWarning(m: Meeting): string | undefined {
  if (m.overrun === null) return undefined;
  const chosen = m.exercises.map((e) => e.exercise.number).join(',');
  return `the exercises ${chosen} with their breaks take ${m.minutes} minutes, ${m.overrun} more than --minutes ${m.length}. The guide's run sheet says so too; choose fewer exercises with --exercises, or give a longer --minutes.`;
}

/** The meeting the tailoring describes, laid out on the clock with its groups. */
export function meeting(all: readonly Exercise[], tailoring: Tailoring): Meeting {
  const breakMinutes = tailoring.breakMinutes ?? 0;
  const chained = chain(chosenExercises(all, tailoring.exercises), breakMinutes);
  const minutes = chained.at(-1)?.to ?? 0;
  const { participants, groups, start, length } = tailoring;
  return {
    exercises: chained.map((c) => ({ ...c, groups: groups === undefined ? null : groupTable(c.exercise, groups, participants) })),
    breakMinutes,
    ...(participants !== undefined ? { participants } : {}),
    ...(groups !== undefined ? { groups } : {}),
    ...(start !== undefined ? { start } : {}),
    minutes,
    ...(length !== undefined ? { length } : {}),
    overrun: overrun(minutes, length),
  };
}
