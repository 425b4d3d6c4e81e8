import type { Localization } from '../../i18n/translator.js';
import type { Meeting } from '../../plan/meeting.js';
import { materialName, spanText, splitLine } from './plan-view.js';

/** One step on the run sheet: when, what (marked when Fremfærd's words), who, and what to have ready. */
export interface RunStep {
  time: string;
  text: string;
  seed: boolean;
  who: string;
  ready: string;
}

/**
 * The run sheet: the whole meeting on one page, for the facilitator's hand. Each exercise
 * with its time and steps, the breaks between them, and when it ends.
 */
export interface RunSheetView {
  title: string;
  /** The numbers of the meeting ("23 deltagere i 4 grupper à 5–6"), or null. */
  details: string | null;
  exercises: Array<{ heading: string; colour: string; time: string; steps: RunStep[]; breakAfter: string | null }>;
  end: string;
  /** When the exercises need more time than the meeting has. */
  overrun: string | null;
}

export function runSheetView(m: Meeting, loc: Localization): RunSheetView {
  const t = loc.t;
  return {
    title: t('guide.runSheet.title'),
    details: splitLine(m, loc),
    exercises: m.exercises.map((s, i) => {
      const next = m.exercises[i + 1];
      return {
        heading: t('category.exercise', { number: s.exercise.number, title: s.exercise.title }),
        colour: loc.kit.categories.get(s.exercise.id)!.colour,
        time: spanText(m, s.from, s.to, loc),
        steps: s.exercise.steps.map((step, j) => ({
          time: spanText(m, s.steps[j]!.from, s.steps[j]!.to, loc),
          text: step.text,
          seed: step.origin === 'seed',
          who: step.grouping,
          ready: step.materials.map((mat) => materialName(mat, loc)).join(', '),
        })),
        breakAfter: next && next.from > s.to ? t('guide.runSheet.break', { time: spanText(m, s.to, next.from, loc) }) : null,
      };
    }),
    end: m.start === undefined ? t('guide.runSheet.total', { count: m.minutes }) : t('guide.runSheet.end', { time: loc.formatClock(m.start + m.minutes), count: m.minutes }),
    overrun: m.overrun === null ? null : t('guide.runSheet.overrun', { count: m.overrun, length: m.length }),
  };
}
