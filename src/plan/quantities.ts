import type { Exercise, Material, QuantityBasis } from '../content/model.js';
import type { Tailoring } from './tailoring.js';

/** One line of an exercise's materials list: what to print or bring, and how much. */
export interface Need {
  material: Material;
  /**
   * Pages in one copy: a group's worksheets come as a set, one page per worksheet of the
   * exercise. A copy for the whole meeting is the one sheet its note names, not a set.
   */
  pagesPerCopy: number;
  /** Copies to print or bring; undefined when the build was not told the number it depends on. */
  copies: number | undefined;
}

/** How many copies a basis means for this meeting: one per person, one per group, or one in all. */
export function copiesFor(per: QuantityBasis, tailoring: Pick<Tailoring, 'participants' | 'groups'>): number | undefined {
  switch (per) {
    case 'participant':
      return tailoring.participants;
    case 'group':
      return tailoring.groups;
    case 'meeting':
      return 1;
  }
}

export function pagesPerCopy(material: Material, exercise: Exercise): number {
  return 'document' in material && material.document === 'worksheets' && material.per !== 'meeting' ? exercise.worksheets.length : 1;
}

/**
 * The exercise's materials, each listed once in the order the steps first use it. A material
 * used again in a later step (the same deck, the same set of worksheets) is the same copies,
 * so it is not counted twice.
 */
export function materialNeeds(exercise: Exercise, tailoring: Pick<Tailoring, 'participants' | 'groups'>): Need[] {
  const needs = new Map<string, Need>();
  for (const step of exercise.steps) {
    for (const material of step.materials) {
      const key = JSON.stringify(['document' in material ? material.document : `supply:${material.supply}`, material.per, material.note ?? '']);
      if (!needs.has(key)) needs.set(key, { material, pagesPerCopy: pagesPerCopy(material, exercise), copies: copiesFor(material.per, tailoring) });
    }
  }
  return [...needs.values()];
}

/** People per group when `participants` split as evenly as they can into `groups`. */
export function groupSizes(participants: number, groups: number): { smallest: number; largest: number } {
  return { smallest: Math.floor(participants / groups), largest: Math.ceil(participants / groups) };
}

/** Whether every group stays within the exercise's suggested size. */
export function withinSuggestedSize(exercise: Exercise, participants: number, groups: number): boolean {
  const { smallest, largest } = groupSizes(participants, groups);
  return smallest >= exercise.groupSize.min && largest <= exercise.groupSize.max;
}
