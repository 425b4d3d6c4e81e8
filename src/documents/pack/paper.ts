import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { attribution, type Origin } from '../attribution.js';
import type { BuildOptions, ComposedDocument } from '../family.js';
import { handoutPage } from '../handout/index.js';
import { pdfMeta } from '../meta.js';
import { FLOW_MARGINS, flowPages } from '../page.js';
import { mm } from '../../print/units.js';
import { drawSheet } from '../worksheets/draw.js';
import { planSheets } from '../worksheets/plan.js';
import { sheetViews, type SheetView } from '../worksheets/views.js';
import { PACK_PAPER_FILE } from './files.js';
import { paperPlan, type PaperPlan } from './paper-plan.js';

/** What one printed page of the pack is, for its running head and footer. */
interface PageRole {
  head: string | null;
  /** Whose words the page carries; null for a page that prints its own footer, or none. */
  source: string | null;
}

/**
 * The pack's paper file: one print, at 100 %, of everything on paper the meeting hands out,
 * in the order the paper plan lays it out. Each part is drawn by its own document's code
 * (the run sheet's, the worksheets', the handout's), from the same views.
 */
export function paperDocument(loc: Localization, options: BuildOptions): ComposedDocument {
  const t = loc.t;
  const plan = paperPlan(loc, options);
  const views = sheetViewsOf(loc, plan);
  const planned = planSheets(loc, options, views, PACK_PAPER_FILE);
  const handout = handoutPage(loc, options);
  const stepOrigins = plan.meeting.exercises.flatMap((s) => s.exercise.steps.map((step): Origin => step.origin));
  const runSheetWords = attribution(loc, stepOrigins);

  const content: Content[] = [];
  const roles: PageRole[] = [];
  let sheet = 0;
  for (const part of plan.parts) {
    if (part.kind === 'run-sheet') {
      content.push({ stack: plan.runSheet.content });
      for (let i = 0; i < part.pages; i++) roles.push({ head: t('guide.runningHead'), source: runSheetWords });
    } else if (part.kind === 'worksheets') {
      for (let i = 0; i < part.pages; i++, sheet++) {
        const s = planned[sheet]!;
        content.push(section(drawSheet(s), FLOW_MARGINS, s.layout.orientation));
        roles.push({ head: t('worksheet.kind'), source: s.view.attribution });
      }
    } else {
      // The first copy is read; the others are the same text again, for a reader only pages of it.
      // pdfmake lays a node out in place, so each copy is a copy of the nodes.
      const copy: Content = { stack: structuredClone(handout.content), ...(part.copy > 1 ? { tag: 'Artifact' } : {}) } as Content;
      // The handout is drawn up to the paper's edge, as in its own file.
      content.push(section([copy], [0, 0, 0, 0], 'portrait'));
      roles.push({ head: null, source: null });
    }
    if (part.blankAfter) {
      content.push(section([blankBack(t('pack.paper.blank'))], FLOW_MARGINS, 'portrait'));
      roles.push({ head: null, source: null });
    }
  }

  const title = t('pack.paper.title');
  const pages = flowPages(loc, options, { runningHead: (page) => roles[page - 1]?.head ?? null, content, attribution: (page) => roles[page - 1]?.source ?? null });
  const handouts = plan.handouts;
  const edition = {
    layout: 'pack-paper.hbs',
    view: {
      title,
      runSheet: plan.runSheet.view,
      sheets: views,
      handout: handout.view,
      handouts: handouts === null ? null : t(`pack.paper.handouts.${handouts.per}`, { count: handouts.copies }),
    },
    attribution: attribution(loc, [...stepOrigins, ...views.flatMap((v) => v.origins), 'kit']),
  };
  const subject = t('pack.paper.subject', { count: plan.sheets, kit: loc.kit.meta.title });
  return { family: 'pack', file: PACK_PAPER_FILE, title, pdf: { meta: pdfMeta(loc, options, title, subject), ...pages }, edition };
}

/** The sheets of the plan's worksheet parts in order, each naming the group it is printed for (ids made unique per group). */
function sheetViewsOf(loc: Localization, plan: PaperPlan): SheetView[] {
  return plan.parts.flatMap((part) => {
    if (part.kind !== 'worksheets') return [];
    const all = new Map(sheetViews(loc, part.exercise).map((v) => [v.id, v]));
    const group = part.group === null ? loc.t('pack.paper.together') : loc.t('guide.groups.number', { number: part.group });
    const prefix = part.group === null ? '' : `gruppe-${part.group}-`;
    return part.sheets.map((w) => ({ ...all.get(w.id)!, id: `${prefix}${w.id}`, group }));
  });
}

/** A blank back: the next part starts on a front side. Its one line says so to the person at the printer, not to a reader. */
function blankBack(text: string): Content {
  return { text, tag: 'Artifact', fontSize: 8, color: '#777777', alignment: 'center', margin: [0, 300, 0, 0] } as Content;
}

/**
 * A part of the pack that starts a page of its own with its own margins (millimetres: top,
 * right, bottom, left): pdfmake's section, which keeps the margins for the pages it runs onto.
 */
function section(nodes: Content[], margins: [number, number, number, number], orientation: 'portrait' | 'landscape'): Content {
  const [top, right, bottom, left] = margins.map(mm) as [number, number, number, number];
  return { section: nodes, pageOrientation: orientation, pageMargins: { left, top, right, bottom } } as unknown as Content;
}
