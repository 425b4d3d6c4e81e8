import { LayoutError } from '../errors.js';

/**
 * PDF's own limit for a page's size, in points (200 inches): no length, size or position a
 * layout can mean is beyond it, and pdfmake takes any number it is given (NaN fails deep in
 * drawing, 1e9 makes every text "not fit").
 */
export const LAYOUT_NUMBER_MAX = 14_400;

/**
 * Refuses the first number in what a PDF layout wrote that is not finite or beyond
 * LAYOUT_NUMBER_MAX, named by its key, at the layout's line that writes that key (with that
 * number, where one does).
 */
export function checkLayoutNumbers(value: unknown, file: string, source: string): void {
  const bad = firstBadNumber(value);
  if (!bad) return;
  const key = [...bad.path].reverse().find((p) => typeof p === 'string') ?? '';
  const writes = new RegExp(`(^|[\\s{,'"])${key.replace(/[^\w]/g, '\\$&')}['"]?\\s*:`);
  const lines = source.split('\n').map((text, i) => ({ text, line: i + 1 })).filter((l) => writes.test(l.text));
  const line = (lines.find((l) => writesNumber(l.text, bad.value)) ?? lines[0])?.line ?? 1;
  throw new LayoutError(
    file,
    line,
    `${key || 'a value'} is ${String(bad.value)}, which no page can hold: a number in a layout is a length or size in points, finite and at most ${LAYOUT_NUMBER_MAX.toLocaleString('en')} (PDF's largest page). Check the number or what computes it.`,
  );
}

/** Whether a line holds `value` as a literal (NaN, 1e9, -Infinity), the likely place it was written. */
function writesNumber(line: string, value: number): boolean {
  return (line.match(/[-+]?(?:NaN|Infinity|\d[\d.]*(?:e[-+]?\d+)?)/g) ?? []).some((token) => Object.is(Number(token), value) || Number(token) === value);
}

/** The first such number met, with the keys and indexes down to it (made only for the one found: a layout's tree is walked on every run). */
function firstBadNumber(value: unknown): { path: Array<string | number>; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= LAYOUT_NUMBER_MAX ? undefined : { path: [], value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstBadNumber(value[i]);
      if (bad) return { ...bad, path: [i, ...bad.path] };
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const bad = firstBadNumber((value as Record<string, unknown>)[k]);
      if (bad) return { ...bad, path: [k, ...bad.path] };
    }
  }
  return undefined;
}
