/** One step of a meeting placed on the clock: offsets in minutes from the meeting's start. */
export interface Slot {
  id: string;
  minutes: number;
  /** Minutes after the start at which the step begins and ends. */
  from: number;
  to: number;
}

/** Lays the steps end to end in their order, starting at 0. */
export function schedule(steps: ReadonlyArray<{ id: string; minutes: number }>): Slot[] {
  let at = 0;
  return steps.map((s) => {
    const slot = { id: s.id, minutes: s.minutes, from: at, to: at + s.minutes };
    at = slot.to;
    return slot;
  });
}

export function totalMinutes(steps: ReadonlyArray<{ minutes: number }>): number {
  return steps.reduce((sum, s) => sum + s.minutes, 0);
}
