import type { Actor, Exercise, Item, KitMeta, Misunderstanding } from './schema.js';

export type { Actor, Exercise, Item, KitMeta, Material, Misunderstanding, Prompt, Step, Worksheet, DocumentFamily, QuantityBasis } from './schema.js';

/** A category is what a card belongs to and what gives it its colour. */
export interface Category {
  id: string;
  code: string;
  kind: 'exercise' | 'actor' | 'misunderstandings';
  colour: string;
}

/** The whole kit, validated: the one model every later stage reads. */
export interface Kit {
  meta: KitMeta;
  /** Ordered by exercise number. */
  exercises: Exercise[];
  misunderstandings: { id: string; code: string; items: Misunderstanding[] };
  checklist: {
    title: string;
    intro: string;
    centre: Actor;
    /** The actors around the centre, in wheel order. */
    around: Actor[];
  };
  categories: Map<string, Category>;
}

/** An exercise's own items, the ones cards, worksheets and the guide refer to: perspectives, routes, questions. */
export function exerciseItems(e: Exercise): Item[] {
  return [...(e.perspectives ?? []), ...(e.routes ?? []), ...e.questions];
}

export function allActors(kit: Kit): Actor[] {
  return [kit.checklist.centre, ...kit.checklist.around];
}

export function checklistQuestionCount(kit: Kit): number {
  return allActors(kit).reduce((n, a) => n + a.reflection.length + a.dialogue.length, 0);
}
