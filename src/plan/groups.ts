import type { Exercise, Item } from '../content/model.js';

/**
 * What the groups of an exercise work on (the exercise's `groupWork` in the content):
 * one perspective each, every route in turn, the same questions, or their own faggruppe.
 */
export type GroupWork = NonNullable<Exercise['groupWork']>;

export interface GroupRow {
  /** 1, 2, 3 … */
  group: number;
  /** People in the group; null when the number of participants was not given. */
  size: number | null;
  /** The perspectives or routes the group works on; empty when the work is the same questions or the group's own faggruppe. */
  items: Item[];
}

export interface GroupTable {
  work: GroupWork;
  rows: GroupRow[];
  /** With more groups than perspectives: the perspectives several groups work on, and which. */
  shared: Array<{ item: Item; groups: number[] }>;
  /** With fewer groups than perspectives: the groups that take more than one. */
  doubled: Array<{ group: number; items: Item[] }>;
}

/** `participants` split as evenly as they can into `groups`, the larger groups first: 23 in 4 is 6, 6, 6, 5. */
export function groupSizeList(participants: number, groups: number): number[] {
  const small = Math.floor(participants / groups);
  const larger = participants % groups;
  return Array.from({ length: groups }, (_, i) => small + (i < larger ? 1 : 0));
}

/**
 * Which perspectives each of `count` groups takes: group i the i-th, starting over when
 * there are more groups than perspectives (group 4 of 3 takes the first again); with
 * fewer groups, the perspectives left over go round the groups again from group 1.
 */
export function assign<T>(items: readonly T[], count: number): T[][] {
  if (items.length === 0) return Array.from({ length: count }, () => []);
  return Array.from({ length: count }, (_, g) => (count >= items.length ? [items[g % items.length]!] : items.filter((_, i) => i % count === g)));
}

/** The group table of an exercise that splits into groups; null for one that does not. */
export function groupTable(exercise: Exercise, groups: number, participants: number | undefined): GroupTable | null {
  const work = exercise.groupWork;
  if (work === undefined) return null;
  const sizes = participants === undefined ? undefined : groupSizeList(participants, groups);
  const items = work === 'perspectives' ? (exercise.perspectives ?? []) : [];
  // Every group walks every route, one after the other, as the exercise's steps say.
  const taken = work === 'routes' ? Array.from({ length: groups }, () => exercise.routes ?? []) : assign(items, groups);
  const rows = taken.map((items, i) => ({ group: i + 1, size: sizes?.[i] ?? null, items }));
  return {
    work,
    rows,
    shared: items
      .map((item) => ({ item, groups: rows.filter((r) => r.items.includes(item)).map((r) => r.group) }))
      .filter((s) => s.groups.length > 1),
    doubled: work === 'perspectives' ? rows.filter((r) => r.items.length > 1).map((r) => ({ group: r.group, items: r.items })) : [],
  };
}
