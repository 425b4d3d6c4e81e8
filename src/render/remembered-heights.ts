import { keepHeight, storedHeight } from './engine-cache.js';
import { host } from '../host/host.js';
import { fontSet } from './font-set.js';

/**
 * Heights in points of laid-out contents, each named by `key(item)` (everything its height
 * depends on, as JSON, beside the faces it is set in: a brand typeface or another `fonts:`
 * file is another height): the engine cache's where an earlier layout measured the same, the
 * rest measured at once by `measure` and kept. Identical items are measured once. In a build
 * the cache is the file of the next build too; on the planner page it lasts the page's life,
 * so a press measures only what the meeting's numbers changed.
 */
export function rememberedHeights<T>(items: T[], key: (item: T) => unknown, measure: (todo: T[]) => number[]): number[] {
  const faces = fontSet().key;
  const keys = items.map((item) => Buffer.from(host.sha256(JSON.stringify([key(item), faces]))).toString('base64'));
  const todo = [...new Set(keys.filter((k) => storedHeight(k) === undefined))];
  if (todo.length > 0) {
    const byKey = new Map(items.map((item, i) => [keys[i]!, item]));
    const heights = measure(todo.map((k) => byKey.get(k)!));
    todo.forEach((k, i) => keepHeight(k, heights[i]!));
  }
  return keys.map((k) => storedHeight(k)!);
}
