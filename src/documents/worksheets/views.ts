import { exerciseItems, type Exercise, type Worksheet } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import { attribution, quotedIfSeed, type Origin } from '../attribution.js';

/** What worksheet.hbs receives for one sheet: every text already in the build language. */
export interface SheetView {
  id: string;
  layout: Worksheet['layout'];
  per: Worksheet['per'];
  /** The group the sheet is printed for ("Gruppe 2", in the print pack); null leaves a line to write the group on. */
  group: string | null;
  exercise: { number: number; title: string; colour: string };
  title: string;
  task: string;
  /** The perspective, route or question the sheet starts from; null when it has none. */
  focus: string | null;
  /** Numbered in the order the content lists them. */
  prompts: Array<{ id: string; number: string; text: string }>;
  fields: Array<{ id: string; text: string }>;
  /** Whose words the sheet carries: its frame is the kit's, its starting point and referred prompts the exercise's. */
  origins: Origin[];
  attribution: string;
}

export function sheetViews(loc: Localization, exercise: Exercise): SheetView[] {
  const items = new Map(exerciseItems(exercise).map((i) => [i.id, i]));
  // The content loader has already checked that every focus and ref names one of these items.
  const item = (id: string) => items.get(id)!;
  const header = { number: exercise.number, title: exercise.title, colour: loc.kit.categories.get(exercise.id)!.colour };
  return exercise.worksheets.map((sheet) => {
    // Title, task, fields and the sheet's own prompts are the kit's.
    const origins: Origin[] = ['kit'];
    const quoted = (id: string) => {
      const { text, origin } = item(id);
      origins.push(origin);
      return quotedIfSeed(loc, text, origin);
    };
    const focus = sheet.focus === undefined ? null : quoted(sheet.focus);
    const prompts = sheet.prompts.map((p, i) => {
      const number = loc.formatNumber(i + 1);
      return 'ref' in p ? { id: p.ref, number, text: quoted(p.ref) } : { id: p.id, number, text: p.text };
    });
    return { id: sheet.id, layout: sheet.layout, per: sheet.per, group: null, exercise: header, title: sheet.title, task: sheet.task, focus, prompts, fields: sheet.fields, origins, attribution: attribution(loc, origins) };
  });
}
