import type { Material } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import type { Meeting, ScheduledExercise } from '../../plan/meeting.js';
import { groupSizes, materialNeeds, withinSuggestedSize, type Need } from '../../plan/quantities.js';
import type { Tailoring } from '../../plan/tailoring.js';
import { groupTableView, type GroupTableView } from './group-view.js';

/** One row of an exercise's plan, every cell already a printed string. */
export interface PlanRow {
  time: string;
  text: string;
  /** Fremfærd's words, printed as a quotation; otherwise the kit's suggestion. */
  seed: boolean;
  /** What the facilitator does and says: the kit's own words, always marked as such. */
  facilitator: string | null;
  grouping: string;
  materials: string[];
}

export interface MaterialRow {
  name: string;
  note: string | null;
  quantity: string;
}

/** One file as printed: its pages, and the sheets they take. */
export interface FileCount {
  file: string;
  pages: number;
  sheets: number;
}

/** What the print files hold, for the materials lists: counted by the code that lays the files out. */
export interface PrintCounts {
  /** The meeting's print pack, made when the number of groups is known. */
  pack: { paper: FileCount; cards: FileCount | null } | null;
  /** The whole deck on office paper; null when it is printed one card a page for a print shop. */
  deck: (FileCount & { cards: number }) | null;
}

/** The documents the print pack holds for a meeting: what its materials lists send the facilitator to it for. */
const IN_PACK: ReadonlySet<string> = new Set(['handout', 'worksheets', 'cards']);

export interface PlanView {
  rows: PlanRow[];
  /** The exercise: its duration, or its clock times with the duration beside them. */
  total: { time: string; label: string };
  materials: MaterialRow[];
  /** How the build's numbers split into groups, and whether that suits the exercise; null when not tailored. */
  groupNote: string | null;
  groupWarning: string | null;
  /** Who works on what; null when the exercise does not split into groups or the number of groups is not known. */
  groups: GroupTableView | null;
}

/** A span of the meeting as the plan prints it: clock times when the start is known, else its minutes. */
export function spanText(m: Pick<Meeting, 'start'>, from: number, to: number, loc: Localization): string {
  return m.start === undefined ? loc.t('guide.plan.minutes', { count: to - from }) : loc.t('guide.plan.clock', { from: loc.formatClock(m.start + from), to: loc.formatClock(m.start + to) });
}

/** The plan and the materials list of one exercise of the meeting, formatted from the pure plan functions. */
export function planView(scheduled: ScheduledExercise, m: Meeting, loc: Localization, print: PrintCounts | null = null): PlanView {
  const { exercise } = scheduled;
  const rows = exercise.steps.map((step, i) => ({
    time: spanText(m, scheduled.steps[i]!.from, scheduled.steps[i]!.to, loc),
    text: step.text,
    seed: step.origin === 'seed',
    facilitator: step.facilitator?.text ?? null,
    grouping: step.grouping,
    materials: step.materials.map((mat) => materialName(mat, loc)),
  }));
  const { participants, groups } = m;
  const minutes = scheduled.to - scheduled.from;
  return {
    rows,
    total: {
      time: spanText(m, scheduled.from, scheduled.to, loc),
      label: m.start === undefined ? loc.t('guide.plan.total') : loc.t('guide.plan.totalMinutes', { count: minutes }),
    },
    materials: materialRows(materialNeeds(exercise, m), loc, print),
    groupNote: splitLine(m, loc),
    groupWarning:
      participants !== undefined && groups !== undefined && !withinSuggestedSize(exercise, participants, groups)
        ? loc.t('guide.groups.outside', { min: exercise.groupSize.min, count: exercise.groupSize.max })
        : null,
    groups: scheduled.groups ? groupTableView(scheduled.groups, loc) : null,
  };
}

/** "24 deltagere i 4 grupper à 6", or null unless both numbers were given. */
export function splitLine(tailoring: Pick<Tailoring, 'participants' | 'groups'>, loc: Localization): string | null {
  const { participants, groups } = tailoring;
  if (participants === undefined || groups === undefined) return null;
  const { smallest, largest } = groupSizes(participants, groups);
  return loc.t(smallest === largest ? 'guide.groups.even' : 'guide.groups.uneven', { participants: loc.t('guide.groups.participants', { count: participants }), count: groups, smallest, largest });
}

export function materialName(material: Material, loc: Localization): string {
  if ('document' in material) return loc.t(`guide.document.${material.document}`);
  return loc.kit.meta.supplies.find((s) => s.id === material.supply)!.text;
}

/**
 * The materials list: with the print pack, its documents are "in the print pack" and the
 * list ends with the pack's two files, their sheets counted from the pack's own layout.
 */
function materialRows(needs: Need[], loc: Localization, print: PrintCounts | null): MaterialRow[] {
  const rows = needs.map((need) => materialRow(need, loc, print));
  const pack = print?.pack;
  if (!pack || !needs.some((n) => inPack(n.material))) return rows;
  const fileRow = (label: string, count: FileCount): MaterialRow => ({
    name: loc.t(label, { file: count.file }),
    note: null,
    quantity: loc.t('guide.quantity.sheets', { count: count.sheets, pages: loc.t('guide.quantity.pages', { count: count.pages }) }),
  });
  return [...rows, fileRow('guide.materials.packPaper', pack.paper), ...(pack.cards ? [fileRow('guide.materials.packCards', pack.cards)] : [])];
}

function inPack(material: Material): boolean {
  return 'document' in material && IN_PACK.has(material.document);
}

function materialRow(need: Need, loc: Localization, print: PrintCounts | null): MaterialRow {
  const { material, pagesPerCopy, copies } = need;
  // In the print pack, each group has the sheets it works on; the whole set is no longer the count.
  if (print?.pack && inPack(material)) return { name: materialName(material, loc), note: material.note ?? null, quantity: loc.t('guide.quantity.inPack') };
  const name = pagesPerCopy > 1 ? loc.t('guide.materials.set', { name: materialName(material, loc), count: pagesPerCopy }) : materialName(material, loc);
  const deck = print?.deck;
  let quantity: string;
  if (isDeck(material) && deck)
    quantity = loc.t('guide.quantity.deck', {
      per: copies === undefined ? loc.t(`guide.quantity.per.${material.per}`) : loc.t('guide.quantity.setCount', { count: copies }),
      cards: loc.t('deck.print.cards', { count: deck.cards }),
      sheets: loc.t('deck.print.sheetCount', { count: deck.sheets }),
      file: deck.file,
    });
  else if (copies === undefined) quantity = loc.t(`guide.quantity.per.${material.per}`);
  else if (pagesPerCopy > 1) quantity = loc.t('guide.quantity.sets', { sets: loc.t('guide.quantity.setCount', { count: copies }), pages: loc.t('guide.quantity.pages', { count: copies * pagesPerCopy }) });
  else quantity = loc.t(isDeck(material) ? 'guide.quantity.setCount' : 'guide.quantity.copies', { count: copies });
  return { name, note: material.note ?? null, quantity };
}

function isDeck(material: Material): boolean {
  return 'document' in material && material.document === 'cards';
}
