import { exerciseItems, type Exercise, type Worksheet } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';

/** What worksheet.hbs receives for one sheet: every text already in the build language. */
export interface SheetView {
  id: string;
  layout: Worksheet['layout'];
  exercise: { number: number; title: string; colour: string };
  title: string;
  task: string;
  /** The perspective, route or question the sheet starts from; null when it has none. */
  focus: string | null;
  /** Numbered in the order the content lists them. */
  prompts: Array<{ id: string; number: string; text: string }>;
  fields: Array<{ id: string; text: string }>;
}

export function sheetViews(loc: Localization, exercise: Exercise): SheetView[] {
  const items = new Map(exerciseItems(exercise).map((i) => [i.id, i.text]));
  // The content loader has already checked that every focus and ref names one of these items.
  const itemText = (id: string) => items.get(id)!;
  const header = { number: exercise.number, title: exercise.title, colour: loc.kit.categories.get(exercise.id)!.colour };
  return exercise.worksheets.map((sheet) => ({
    id: sheet.id,
    layout: sheet.layout,
    exercise: header,
    title: sheet.title,
    task: sheet.task,
    focus: sheet.focus === undefined ? null : itemText(sheet.focus),
    prompts: sheet.prompts.map((p, i) => {
      const number = loc.formatNumber(i + 1);
      return 'ref' in p ? { id: p.ref, number, text: itemText(p.ref) } : { id: p.id, number, text: p.text };
    }),
    fields: sheet.fields,
  }));
}
