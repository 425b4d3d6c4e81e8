import type { Content } from 'pdfmake/interfaces.js';
import type { Family } from '../family.js';
import { shownMeta } from '../inputs.js';
import { pdfMeta } from '../meta.js';
import { attribution } from '../attribution.js';
import { flowPages } from '../page.js';
import { drawSheet } from './draw.js';
import { planWorksheets, worksheetFile } from './plan.js';

/** Group worksheets: one PDF per exercise, one page per sheet, each printed for a group to write on. */
export const worksheets: Family = {
  id: 'worksheets',
  files: (kit) => kit.exercises.map((e) => worksheetFile(e.id)),
  inputs: (kit) => Object.fromEntries(kit.exercises.map((e) => [worksheetFile(e.id), { meta: shownMeta(kit), exercise: e, colour: kit.categories.get(e.id)!.colour }])),
  compose(loc, options) {
    const plans = planWorksheets(loc, options);
    return plans.map(({ exercise, file, sheets }) => {
      const title = loc.t('worksheet.title', { number: exercise.number, title: exercise.title });
      const subject = loc.t('worksheet.subject', { count: sheets.length, number: exercise.number });
      // Each page names its own orientation, so a landscape table can follow portrait sheets.
      const content = sheets.map((sheet, i) => ({
        stack: drawSheet(sheet),
        pageOrientation: sheet.layout.orientation,
        ...(i > 0 ? { pageBreak: 'before' as const } : {}),
      })) as Content[];
      // One sheet a page: each page's footer says whose words that sheet carries.
      const words = (page: number) => sheets[page - 1]!.view.attribution;
      const pages = flowPages(loc, options, { runningHead: loc.t('worksheet.kind'), content, paper: sheets[0]!.page, attribution: words });
      const edition = { layout: 'worksheets.hbs', view: { title, exercise: sheets[0]!.view.exercise, sheets: sheets.map((s) => s.view) }, attribution: attribution(loc, sheets.flatMap((s) => s.view.origins)) };
      return { family: 'worksheets' as const, file, title, pdf: { meta: pdfMeta(loc, options, title, subject), ...pages }, edition };
    });
  },
};
