/**
 * What a facilitator tells the build about their own meeting. Each part may be missing: the
 * guide then shows the kit's suggested defaults for that part ("1 pr. gruppe", "10 min").
 */
export interface Tailoring {
  /** People at the meeting, 2–500. */
  participants?: number;
  /** Groups the participants split into, 1..participants. */
  groups?: number;
  /** Start of the meeting in minutes after midnight. */
  start?: number;
}

export const PARTICIPANTS_RANGE = { min: 2, max: 500 } as const;
