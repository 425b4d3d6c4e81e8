import type { Exercise, Material } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import { formatClock } from '../../plan/clock.js';
import { groupSizes, materialNeeds, withinSuggestedSize, type Need } from '../../plan/quantities.js';
import { schedule, totalMinutes } from '../../plan/schedule.js';
import type { Tailoring } from '../../plan/tailoring.js';

/** One row of an exercise's plan, every cell already a printed string. */
export interface PlanRow {
  time: string;
  text: string;
  /** Fremfærd's words, printed as a quotation; otherwise the kit's suggestion. */
  seed: boolean;
  grouping: string;
  materials: string[];
}

export interface MaterialRow {
  name: string;
  note: string | null;
  quantity: string;
}

export interface PlanView {
  rows: PlanRow[];
  /** The whole meeting: its duration, or its clock times with the duration beside them. */
  total: { time: string; label: string };
  materials: MaterialRow[];
  /** How the build's numbers split into groups, and whether that suits the exercise; null when not tailored. */
  groupNote: string | null;
  groupWarning: string | null;
}

/** The plan and the materials list of one exercise, formatted from the pure plan functions. */
export function planView(exercise: Exercise, tailoring: Tailoring, loc: Localization): PlanView {
  const slots = schedule(exercise.steps);
  const total = totalMinutes(exercise.steps);
  const time = (from: number, to: number) =>
    tailoring.start === undefined
      ? loc.t('guide.plan.minutes', { count: to - from })
      : loc.t('guide.plan.clock', { from: formatClock(tailoring.start + from), to: formatClock(tailoring.start + to) });
  const rows = exercise.steps.map((step, i) => ({
    time: time(slots[i]!.from, slots[i]!.to),
    text: step.text,
    seed: step.origin === 'seed',
    grouping: step.grouping,
    materials: step.materials.map((m) => materialName(m, loc)),
  }));
  const { participants, groups } = tailoring;
  return {
    rows,
    total: {
      time: time(0, total),
      label: tailoring.start === undefined ? loc.t('guide.plan.total') : loc.t('guide.plan.totalMinutes', { count: total }),
    },
    materials: materialNeeds(exercise, tailoring).map((need) => materialRow(need, loc)),
    groupNote: splitLine(tailoring, loc),
    groupWarning:
      participants !== undefined && groups !== undefined && !withinSuggestedSize(exercise, participants, groups)
        ? loc.t('guide.groups.outside', { min: exercise.groupSize.min, count: exercise.groupSize.max })
        : null,
  };
}

/** "24 deltagere i 4 grupper à 6", or null unless both numbers were given. */
export function splitLine(tailoring: Tailoring, loc: Localization): string | null {
  const { participants, groups } = tailoring;
  if (participants === undefined || groups === undefined) return null;
  const { smallest, largest } = groupSizes(participants, groups);
  return loc.t(smallest === largest ? 'guide.groups.even' : 'guide.groups.uneven', { participants: loc.t('guide.groups.participants', { count: participants }), count: groups, smallest, largest });
}

export function materialName(material: Material, loc: Localization): string {
  if ('document' in material) return loc.t(`guide.document.${material.document}`);
  return loc.kit.meta.supplies.find((s) => s.id === material.supply)!.text;
}

function materialRow(need: Need, loc: Localization): MaterialRow {
  const { material, pagesPerCopy, copies } = need;
  const name = pagesPerCopy > 1 ? loc.t('guide.materials.set', { name: materialName(material, loc), count: pagesPerCopy }) : materialName(material, loc);
  let quantity: string;
  if (copies === undefined) quantity = loc.t(`guide.quantity.per.${material.per}`);
  else if (pagesPerCopy > 1) quantity = loc.t('guide.quantity.sets', { sets: loc.t('guide.quantity.setCount', { count: copies }), pages: loc.t('guide.quantity.pages', { count: copies * pagesPerCopy }) });
  else quantity = loc.t(isDeck(material) ? 'guide.quantity.setCount' : 'guide.quantity.copies', { count: copies });
  return { name, note: material.note ?? null, quantity };
}

function isDeck(material: Material): boolean {
  return 'document' in material && material.document === 'cards';
}
