import type { Content } from 'pdfmake/interfaces.js';
import type { Exercise, Worksheet } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import { meeting, type Meeting, type ScheduledExercise } from '../../plan/meeting.js';
import type { BuildOptions } from '../family.js';
import { runSheetPages } from '../guide/run-sheet-page.js';
import { runSheetView, type RunSheetView } from '../guide/run-sheet-view.js';
import { PACK_PAPER_FILE } from './files.js';

/** One person's or group's share of the paper pack: it starts on a front side, so each can be handed out alone. */
export type PaperPart =
  | { kind: 'run-sheet'; pages: number }
  /** A group's worksheets of one exercise; group null: the sheets the whole meeting fills in together, printed once. */
  | { kind: 'worksheets'; exercise: Exercise; group: number | null; sheets: Worksheet[]; pages: number }
  | { kind: 'handout'; copy: number; pages: number };

/** What the paper pack holds, page by page; the paper family draws it, the guide's materials list counts it. */
export interface PaperPlan {
  meeting: Meeting;
  runSheet: { view: RunSheetView; content: Content[] };
  /** In print order; `blankAfter`: a blank back follows, so the next part starts on a front side. */
  parts: Array<PaperPart & { blankAfter: boolean }>;
  /** Handouts printed: one per participant, or one per group when the number of participants was not given. */
  handouts: { copies: number; per: 'participant' | 'group' } | null;
  pages: number;
  /** Sheets of paper: two pages a sheet when printed on both sides. */
  sheets: number;
}

/**
 * The paper pack of the meeting the options describe (it needs --groups): the run sheet,
 * then for each exercise each group's worksheets as the group table assigns them and the
 * meeting's own sheets once, then the handouts.
 */
export function paperPlan(loc: Localization, options: BuildOptions): PaperPlan {
  const m = meeting(loc.kit.exercises, options.tailoring ?? {});
  const groups = m.groups ?? 1;
  const view = runSheetView(m, loc);
  const runSheet = runSheetPages(view, 'H1', PACK_PAPER_FILE, loc, options);
  const parts: PaperPart[] = [{ kind: 'run-sheet', pages: runSheet.pages }];
  for (const scheduled of m.exercises) {
    const { exercise } = scheduled;
    for (let group = 1; group <= groups; group++) {
      const sheets = groupSheets(scheduled, group);
      if (sheets.length > 0) parts.push({ kind: 'worksheets', exercise, group, sheets, pages: sheets.length });
    }
    const together = exercise.worksheets.filter((w) => w.per === 'meeting');
    if (together.length > 0) parts.push({ kind: 'worksheets', exercise, group: null, sheets: together, pages: together.length });
  }
  const handouts = handoutCopies(m);
  for (let copy = 1; copy <= (handouts?.copies ?? 0); copy++) parts.push({ kind: 'handout', copy, pages: 1 });

  // On both sides of the paper, a part of an odd number of pages gets a blank back, except the last.
  const duplex = options.duplex !== 'none';
  const laid = parts.map((p, i) => ({ ...p, blankAfter: duplex && p.pages % 2 === 1 && i < parts.length - 1 }));
  const pages = laid.reduce((sum, p) => sum + p.pages + (p.blankAfter ? 1 : 0), 0);
  return { meeting: m, runSheet: { view, content: runSheet.content }, parts: laid, handouts, pages, sheets: duplex ? Math.ceil(pages / 2) : pages };
}

/**
 * The sheets one group writes on in an exercise: every group sheet whose starting point is
 * one the group works on (its perspective, or every route), and every group sheet with none.
 */
function groupSheets(scheduled: ScheduledExercise, group: number): Worksheet[] {
  const table = scheduled.groups;
  const own = table && (table.work === 'perspectives' || table.work === 'routes') ? new Set(table.rows[group - 1]!.items.map((i) => i.id)) : undefined;
  return scheduled.exercise.worksheets.filter((w) => w.per === 'group' && (w.focus === undefined || own === undefined || own.has(w.focus)));
}

/** One handout per participant when an exercise hands it out; without the number of participants, one for each group to share. */
function handoutCopies(m: Meeting): PaperPlan['handouts'] {
  const handedOut = m.exercises.some(({ exercise }) => exercise.steps.some((s) => s.materials.some((mat) => 'document' in mat && mat.document === 'handout')));
  if (!handedOut) return null;
  return m.participants !== undefined ? { copies: m.participants, per: 'participant' } : { copies: m.groups ?? 1, per: 'group' };
}
