import { z } from 'zod';
import { documentFamilies, quantityBasis } from './families.js';
import { STEP_MINUTES_MAX, TEXT_MAX, TEXT_TOO_LONG } from './limits.js';
import { controlCharacter, controlCharacterAdvice } from '../control-characters.js';

/**
 * The content schema: one per YAML file. Field names are English so translators and
 * developers share them; the texts themselves are Danish.
 */

const text = z
  .string()
  .trim()
  .min(1, { message: 'Text is empty. Write the text, or remove the item.' })
  .max(TEXT_MAX, { message: TEXT_TOO_LONG })
  .superRefine(refuseControlCharacters);

/** A text with a control character is refused at its own field, like any other mistake in it. */
export function refuseControlCharacters(value: string, ctx: z.RefinementCtx): void {
  const character = controlCharacter(value);
  if (character) ctx.addIssue({ code: 'custom', message: controlCharacterAdvice(character), params: { rule: 'control-character' } });
}
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'An id is lowercase letters a–z, digits and single hyphens, e.g. "hvem-definerer" (write æ ø å as ae oe aa).',
  });
// Æ, Ø and Å as escapes: the bundle stays ASCII, which Node and V8 read faster (scripts/bundle.mjs).
const code = z.string().regex(/^[A-Z\u00C6\u00D8\u00C5]{1,2}[0-9]?$/, { message: 'A code is one or two capital letters and an optional digit, e.g. "TR" or "Ø1".' });
export const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'A colour is written as "#RRGGBB", e.g. "#1D5E8C".' });
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date is written as YYYY-MM-DD, e.g. 2015-03-03.' })
      // JavaScript's Date would quietly turn 2015-02-30 into 2 March; a calendar date must exist.
      .refine(isCalendarDate, { message: 'There is no such day in the calendar. Check the month (01–12) and the day.' }),
  );

function isCalendarDate(iso: string): boolean {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(iso);
}

/** Where a text comes from: Fremfærd's words (printed verbatim) or the kit's own. */
const origin = z.enum(['seed', 'kit']).default('seed');

export const item = z.strictObject({ id, text, origin });

export { documentFamilies, quantityBasis } from './families.js';

const material = z.union([
  z.strictObject({ document: z.enum(documentFamilies), per: z.enum(quantityBasis), note: text.optional() }),
  z.strictObject({ supply: id, per: z.enum(quantityBasis), note: text.optional() }),
]);

const step = z.strictObject({
  id,
  text,
  origin,
  /** What the facilitator does and says in the step: always the kit's own words, and marked as such. */
  facilitator: z.strictObject({ text, origin: z.literal('kit', { message: 'What the facilitator does and says is the kit\'s own text: write origin: kit.' }) }).optional(),
  // A step longer than half a working day is a typing mistake, and a meeting's clock would run round the day.
  minutes: z
    .number()
    .int()
    .positive({ message: 'Minutes must be a whole number above 0.' })
    .max(STEP_MINUTES_MAX, { message: `A step lasts at most ${STEP_MINUTES_MAX} minutes. Write the step's minutes, e.g. 15, or split it into several steps.` }),
  grouping: text,
  materials: z.array(material).default([]),
});

/**
 * A group worksheet: what one group writes on. `focus` names a perspective, route or
 * question of the same exercise that the sheet starts from; `prompts` are questions with
 * writing room, either the kit's own (`id` + `text`) or one of the exercise's items (`ref`).
 */
const worksheet = z.strictObject({
  id,
  title: text,
  task: text,
  focus: id.optional(),
  layout: z.enum(['lines', 'map', 'table']).default('lines'),
  /** Whose sheet it is: each group's (the default), or the one the whole meeting fills in together (a synthesis, a comparison). */
  per: z.enum(['group', 'meeting']).default('group'),
  prompts: z.array(z.union([z.strictObject({ id, text }), z.strictObject({ ref: id })])).default([]),
  /** Map sheets: the fields drawn around the core task. Table sheets: the column heads. */
  fields: z.array(z.strictObject({ id, text })).default([]),
});

export const exerciseSchema = z.strictObject({
  id,
  number: z.number().int().min(1),
  code,
  title: text,
  lead: text,
  method: text.optional(),
  advice: text.optional(),
  purpose: text,
  choose: text,
  groupSize: z
    .strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) })
    .refine((g) => g.min <= g.max, { message: 'groupSize.min must not be larger than groupSize.max.' }),
  perspectives: z.array(item).optional(),
  routes: z.array(item).optional(),
  /**
   * What the groups work on when the exercise splits into groups: one perspective each, every
   * route in turn, the same questions, or each group its own faggruppe. Absent: no groups.
   */
  groupWork: z.enum(['perspectives', 'routes', 'questions', 'faggrupper']).optional(),
  questions: z.array(item).default([]),
  steps: z.array(step).min(1, { message: 'An exercise needs at least one step.' }),
  preparation: z.array(item).default([]),
  watchFor: z.array(z.strictObject({ misunderstanding: id, note: text })).default([]),
  followUp: text,
  worksheets: z.array(worksheet).min(1, { message: 'An exercise needs at least one worksheet for the groups.' }),
});

export const misunderstandingsSchema = z.strictObject({
  id,
  code,
  misunderstandings: z.array(
    z.strictObject({
      id,
      basis: z.enum(['article', 'research-group']),
      claim: text,
      truth: text,
      example: text,
      origin: text,
    }),
  ),
});

/**
 * The poster has six cells around its wheel, one per actor besides the centre, and an actor's
 * page of the actor sheets holds its questions with writing lines under each: more of either
 * is a content mistake to name at its list, not a page that fails to draw.
 */
export const ACTORS_MAX = 7;
export const ACTOR_QUESTIONS_MAX = 20;

export const checklistSchema = z.strictObject({
  title: text,
  intro: text,
  centre: id,
  actors: z
    .array(
      z
        .strictObject({
          id,
          code,
          name: text,
          reflection: z.array(item.omit({ origin: true })),
          dialogue: z.array(item.omit({ origin: true })),
        })
        .superRefine((actor, ctx) => {
          const n = actor.reflection.length + actor.dialogue.length;
          if (n <= ACTOR_QUESTIONS_MAX) return;
          ctx.addIssue({
            code: 'custom',
            path: [actor.reflection.length > actor.dialogue.length ? 'reflection' : 'dialogue'],
            message: `This actor has ${n} questions; an actor has at most ${ACTOR_QUESTIONS_MAX} (reflection and dialogue together), as many as its page of the actor sheets can hold with writing lines. Remove some, or give them to another actor.`,
            params: { rule: 'too-many-questions' },
          });
        }),
    )
    .max(ACTORS_MAX, {
      message: `The checklist has at most ${ACTORS_MAX} actors: the one at the centre and six around it, one for each cell of the 360° poster. Remove actors, or merge two into one.`,
    }),
});

export const kitMetaSchema = z.strictObject({
  id,
  title: text,
  subtitle: text,
  date: isoDate,
  definition: text,
  source: z.strictObject({
    short: text,
    publisher: text,
    note: text,
    publications: z.array(z.strictObject({ id, title: text, author: text, date: isoDate.optional() })).min(1),
  }),
  colours: z.record(id, colour),
  supplies: z.array(z.strictObject({ id, text })).default([]),
  /** The facilitator guide's own prose: its introduction, and how a leader uses the 360° checklist. */
  guide: z.strictObject({
    intro: z.array(z.strictObject({ id, text })).min(1),
    choosing: text,
    checklistUse: z.array(z.strictObject({ id, text })).min(1),
  }),
});

export type Exercise = z.infer<typeof exerciseSchema>;
export type Step = Exercise['steps'][number];
export type Worksheet = Exercise['worksheets'][number];
export type Prompt = Worksheet['prompts'][number];
export type Material = Step['materials'][number];
export type Item = z.infer<typeof item>;
export type Misunderstanding = z.infer<typeof misunderstandingsSchema>['misunderstandings'][number];
export type Actor = z.infer<typeof checklistSchema>['actors'][number];
export type KitMeta = z.infer<typeof kitMetaSchema>;
export type DocumentFamily = (typeof documentFamilies)[number];
export type QuantityBasis = (typeof quantityBasis)[number];
