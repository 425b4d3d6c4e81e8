import { allActors, exerciseItems, type Exercise, type Item } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import { formatClock } from '../../plan/clock.js';
import { totalMinutes } from '../../plan/schedule.js';
import type { Tailoring } from '../../plan/tailoring.js';
import { planView, splitLine, type PlanView } from './plan-view.js';

/** A paragraph or list item, marked when it is Fremfærd's own words. */
export interface Passage {
  text: string;
  seed: boolean;
}

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
  exercises: ExerciseView[];
  checklist: { title: string; intro: string; uses: Array<{ number: string; text: string }>; actors: Array<{ name: string; colour: string; reflection: string; dialogue: string }> };
  misunderstandings: { title: string; colour: string; items: Array<{ claim: string; truth: string; example: string; origin: string }> };
  sources: Array<{ title: string; author: string; date: string | null }>;
}

export function guideView(loc: Localization, tailoring: Tailoring): GuideView {
  const kit = loc.kit;
  return {
    kitTitle: kit.meta.title,
    subtitle: kit.meta.subtitle,
    documentTitle: loc.t('guide.title'),
    tailored: tailoredLine(loc, tailoring),
    definition: kit.meta.definition,
    intro: kit.meta.guide.intro.map((p) => p.text),
    sourceNote: kit.meta.source.note,
    choosing: kit.meta.guide.choosing,
    exercises: kit.exercises.map((e) => exerciseView(e, loc, tailoring)),
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

function exerciseView(e: Exercise, loc: Localization, tailoring: Tailoring): ExerciseView {
  const seedItems = exerciseItems(e).filter((i) => i.origin === 'seed');
  const kicker = loc.t('category.exerciseShort', { number: e.number });
  return {
    kicker,
    title: e.title,
    colour: loc.kit.categories.get(e.id)!.colour,
    purpose: e.purpose,
    choose: e.choose,
    duration: loc.t('guide.exercise.durationValue', { count: totalMinutes(e.steps) }),
    groupSize: loc.t('guide.exercise.groupSizeValue', { min: e.groupSize.min, count: e.groupSize.max }),
    seed: {
      lead: e.lead,
      method: seedItems.length > 0 ? (e.method ?? null) : null,
      items: seedItems.map((i) => i.text),
      advice: e.advice ?? null,
    },
    planLead: seedItems.length === 0 ? (e.method ?? null) : null,
    extraQuestions: e.questions.filter((q) => q.origin === 'kit').map((q) => q.text),
    preparation: e.preparation.map(passage),
    plan: planView(e, tailoring, loc),
    watchFor: e.watchFor.map((w) => ({ claim: loc.kit.misunderstandings.items.find((m) => m.id === w.misunderstanding)!.claim, note: w.note })),
    followUp: e.followUp,
  };
}

function passage(item: Item): Passage {
  return { text: item.text, seed: item.origin === 'seed' };
}

/** The cover's line about the facilitator's own meeting, from whichever numbers were given. */
function tailoredLine(loc: Localization, t: Tailoring): string | null {
  const split = splitLine(t, loc);
  const parts: string[] = [];
  if (split) parts.push(split);
  else if (t.participants !== undefined) parts.push(loc.t('guide.groups.participants', { count: t.participants }));
  else if (t.groups !== undefined) parts.push(loc.t('guide.cover.groups', { count: t.groups }));
  if (t.start !== undefined) parts.push(loc.t('guide.cover.start', { start: formatClock(t.start) }));
  return parts.length > 0 ? loc.t('guide.cover.tailored', { details: parts.join(loc.t('guide.cover.separator')) }) : null;
}
