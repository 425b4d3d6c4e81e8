/**
 * What a facilitator tells the build about their own meeting, checked but not yet laid out
 * (that is `meeting()` in meeting.ts, which needs the kit). Each part may be missing: the
 * guide then shows the kit's suggested defaults for that part ("1 pr. gruppe", "10 min"),
 * and all exercises in the kit's order.
 */
export interface Tailoring {
  /** People at the meeting, 2–500. */
  participants?: number;
  /** Groups the participants split into, 1..participants. */
  groups?: number;
  /** Start of the meeting in minutes after midnight. */
  start?: number;
  /** The chosen exercises in the order they are held: each a number ("1"), a code ("Ø1") or an id, as given. */
  exercises?: string[];
  /** Minutes between one exercise and the next. */
  breakMinutes?: number;
  /** The time the meeting has, in minutes. */
  length?: number;
}

export const PARTICIPANTS_RANGE = { min: 2, max: 500 } as const;

/** A break longer than a working day is a typing mistake; so is a meeting longer than a day. */
export const BREAK_RANGE = { min: 0, max: 240 } as const;
export const LENGTH_RANGE = { min: 1, max: 24 * 60 } as const;
