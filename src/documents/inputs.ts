import { exerciseItems, type Kit } from '../content/model.js';

/** What every document prints of the kit's metadata: its title and the source line. */
export function shownMeta(kit: Kit) {
  return { title: kit.meta.title, subtitle: kit.meta.subtitle, source: kit.meta.source, date: kit.meta.date };
}

/** The inputs of the documents built from the 360° checklist (actor sheets, poster). */
export function checklistInputs(kit: Kit) {
  return { meta: shownMeta(kit), checklist: kit.checklist, colours: kit.meta.colours };
}

/** The card deck shows every exercise's items, the checklist and the misunderstandings. */
export function cardInputs(kit: Kit) {
  return {
    meta: shownMeta(kit),
    exercises: kit.exercises.map((e) => ({ id: e.id, number: e.number, code: e.code, title: e.title, items: exerciseItems(e) })),
    checklist: kit.checklist,
    misunderstandings: kit.misunderstandings,
    colours: kit.meta.colours,
  };
}
