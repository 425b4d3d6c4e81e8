/** Clock times as minutes after midnight: plain numbers are easy to add and to test. */

const MINUTES_PER_DAY = 24 * 60;

/**
 * "13:00" or "9:05" (24-hour clock) to minutes after midnight; undefined for anything else,
 * so the caller can say what is wrong in its own words. A period is accepted too, as many
 * Danes write "13.00".
 */
export function parseClock(value: string): number | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** Minutes after midnight to "HH:MM"; a meeting running past midnight continues at 00:00. */
export function formatClock(minutes: number): string {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
