/**
 * The longest text one string may hold, in characters: the kit's longest is under 400, a page
 * of the guide holds about 3000. Far longer texts cannot fit any box, and fitting and
 * hyphenating them took minutes before failing.
 */
export const TEXT_MAX = 2000;

export const TEXT_TOO_LONG = `The text is longer than ${TEXT_MAX} characters, more than any box of the kit can hold. Shorten it, or split it into several items.`;

/** The longest step of an exercise, in minutes: half a working day. */
export const STEP_MINUTES_MAX = 240;
