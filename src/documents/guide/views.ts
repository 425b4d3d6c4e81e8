import { allActors, exerciseItems, type Exercise } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import { meeting, type Meeting, type ScheduledExercise } from '../../plan/meeting.js';
import { totalMinutes } from '../../plan/schedule.js';
import type { Tailoring } from '../../plan/tailoring.js';
import { planView, splitLine, type PlanView, type PrintCounts } from './plan-view.js';
import { passage, type Passage } from './passage.js';
import { runSheetView, type RunSheetView } from './run-sheet-view.js';

export interface ExerciseView {
  kicker: string;
  title: string;
  colour: string;
  purpose: string;
  choose: string;
  duration: string;
  groupSize: string;
  /** Fremfærd's introduction: lead, method, perspectives/routes/questions, advice. */
  seed: { lead: string; method: string | null; items: string[]; advice: string | null };
  /** When the seed's method introduces the steps themselves, it stands above the plan. */
  planLead: string | null;
  /** The kit's own questions for the exercise, printed on the cards too. */
  extraQuestions: string[];
  preparation: Passage[];
  plan: PlanView;
  watchFor: Array<{ claim: string; note: string }>;
  followUp: string;
}

/** What guide.hbs receives: every printed text, already in the build language. */
export interface GuideView {
  kitTitle: string;
  subtitle: string;
  documentTitle: string;
  tailored: string | null;
  definition: string;
  intro: string[];
  sourceNote: string;
  choosing: string;
  /** Every exercise of the kit, for choosing among them. */
  choices: Array<Pick<ExerciseView, 'kicker' | 'title' | 'colour' | 'choose' | 'duration' | 'groupSize'>>;
  /** The meeting on one page. */
  runSheet: RunSheetView;
  /** The chapters: the meeting's exercises, in its order. */
  exercises: ExerciseView[];
  checklist: { title: string; intro: string; uses: Array<{ number: string; text: string }>; actors: Array<{ name: string; colour: string; reflection: string; dialogue: string }> };
  misunderstandings: { title: string; colour: string; items: Array<{ claim: string; truth: string; example: string; origin: string }> };
  sources: Array<{ title: string; author: string; date: string | null }>;
}

/** The guide's view; `print` counts the files its materials lists send the facilitator to. */
export function guideView(loc: Localization, tailoring: Tailoring, print: PrintCounts | null = null): GuideView {
  const kit = loc.kit;
  const m = meeting(kit.exercises, tailoring);
  return {
    kitTitle: kit.meta.title,
    subtitle: kit.meta.subtitle,
    documentTitle: loc.t('guide.title'),
    tailored: tailoredLine(loc, tailoring),
    definition: kit.meta.definition,
    intro: kit.meta.guide.intro.map((p) => p.text),
    sourceNote: kit.meta.source.note,
    choosing: kit.meta.guide.choosing,
    choices: kit.exercises.map((e) => choiceView(e, loc)),
    runSheet: runSheetView(m, loc),
    exercises: m.exercises.map((s) => exerciseView(s, m, loc, print)),
    checklist: {
      title: kit.checklist.title,
      intro: kit.checklist.intro,
      uses: kit.meta.guide.checklistUse.map((p, i) => ({ number: loc.t('guide.checklist.ordinal', { number: loc.formatNumber(i + 1) }), text: p.text })),
      actors: allActors(kit).map((a) => ({
        name: a.name,
        colour: kit.categories.get(a.id)!.colour,
        reflection: loc.formatNumber(a.reflection.length),
        dialogue: loc.formatNumber(a.dialogue.length),
      })),
    },
    misunderstandings: {
      title: loc.t('guide.chapter.misunderstandings'),
      colour: kit.categories.get(kit.misunderstandings.id)!.colour,
      items: kit.misunderstandings.items.map(({ claim, truth, example, origin }) => ({ claim, truth, example, origin })),
    },
    sources: kit.meta.source.publications.map((p) => ({ title: p.title, author: p.author, date: p.date ? loc.formatDate(p.date) : null })),
  };
}

/** What the table for choosing an exercise shows of it. */
function choiceView(e: Exercise, loc: Localization) {
  return {
    kicker: loc.t('category.exerciseShort', { number: e.number }),
    title: e.title,
    colour: loc.kit.categories.get(e.id)!.colour,
    choose: e.choose,
    duration: loc.t('guide.exercise.durationValue', { count: totalMinutes(e.steps) }),
    groupSize: loc.t('guide.exercise.groupSizeValue', { min: e.groupSize.min, count: e.groupSize.max }),
  };
}

function exerciseView(scheduled: ScheduledExercise, m: Meeting, loc: Localization, print: PrintCounts | null): ExerciseView {
  const e = scheduled.exercise;
  const seedItems = exerciseItems(e).filter((i) => i.origin === 'seed');
  return {
    ...choiceView(e, loc),
    purpose: e.purpose,
    seed: {
      lead: e.lead,
      method: seedItems.length > 0 ? (e.method ?? null) : null,
      items: seedItems.map((i) => i.text),
      advice: e.advice ?? null,
    },
    planLead: seedItems.length === 0 ? (e.method ?? null) : null,
    extraQuestions: e.questions.filter((q) => q.origin === 'kit').map((q) => q.text),
    preparation: e.preparation.map(passage),
    plan: planView(scheduled, m, loc, print),
    watchFor: e.watchFor.map((w) => ({ claim: loc.kit.misunderstandings.items.find((m) => m.id === w.misunderstanding)!.claim, note: w.note })),
    followUp: e.followUp,
  };
}

/** The cover's line about the facilitator's own meeting, from whichever numbers were given. */
function tailoredLine(loc: Localization, t: Tailoring): string | null {
  const split = splitLine(t, loc);
  const parts: string[] = [];
  if (split) parts.push(split);
  else if (t.participants !== undefined) parts.push(loc.t('guide.groups.participants', { count: t.participants }));
  else if (t.groups !== undefined) parts.push(loc.t('guide.cover.groups', { count: t.groups }));
  if (t.start !== undefined) parts.push(loc.t('guide.cover.start', { start: loc.formatClock(t.start) }));
  if (t.breakMinutes) parts.push(loc.t('guide.cover.break', { count: t.breakMinutes }));
  return parts.length > 0 ? loc.t('guide.cover.tailored', { details: parts.join(loc.t('guide.cover.separator')) }) : null;
}
