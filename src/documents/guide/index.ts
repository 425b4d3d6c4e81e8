import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import { PAPER } from '../../print/paper.js';
import { mm } from '../../print/units.js';
import { logoDataUri } from '../../config/logo-uri.js';
import type { BuildOptions, Branding, Family } from '../family.js';
import { pdfMeta } from '../meta.js';
import { printCounts } from '../pack/print-counts.js';
import { onePage, type FittedLayout } from '../one-page.js';
import { attribution } from '../attribution.js';
import { FLOW_MARGINS, flowPages } from '../page.js';
import { withTableRules } from './table-rules.js';
import { keepTogether } from './keep-together.js';
import { keepLastRows } from './last-rows.js';
import { runSheetPages } from './run-sheet-page.js';
import { guideView, type GuideView } from './views.js';

export const GUIDE_FILE = 'facilitatorguide.pdf';

export const guide: Family = {
  id: 'guide',
  files: () => [GUIDE_FILE],
  // The guide shows nearly everything: the whole kit is its input, and the meeting it is made for.
  inputs: (kit, tailoring) => ({ [GUIDE_FILE]: { ...kit, categories: [...kit.categories.values()], meeting: tailoring ?? null } }),
  compose(loc, options) {
    const view = guideView(loc, options.tailoring ?? {}, printCounts(loc, options));
    const body = runLayout<{ content: Content[] }>('guide.hbs', view, loc.t);
    const paper = PAPER[options.paper];
    const [top, right, bottom, left] = FLOW_MARGINS;
    const kept = keepTogether(body.content, mm(paper.width - left - right), mm(paper.height - top - bottom));
    const runSheet = runSheetPages(view.runSheet, 'H2', GUIDE_FILE, loc, options).content;
    const content: Content[] = [...cover(view, loc, options), { stack: runSheet, pageBreak: 'before' }, { stack: withTableRules(kept) as never, pageBreak: 'before' }];
    // The guide always carries both: the kit's own prose around Fremfærd's exercises, quoted.
    const words = attribution(loc, ['seed', 'kit']);
    const pages = flowPages(loc, options, { runningHead: loc.t('guide.runningHead'), content, attribution: words });
    const runningHead = pages.header as (page: number, pages: number, size: unknown) => Content;
    return [
      {
        family: 'guide',
        file: GUIDE_FILE,
        title: view.documentTitle,
        pdf: {
          meta: pdfMeta(loc, options, view.documentTitle, loc.t('guide.subject', { kit: view.kitTitle })),
          ...pages,
          pageBreakBefore: keepLastRows(content),
          // The cover carries no running head; every other page does.
          header: (page: number, count: number, size: unknown) => (page === 1 ? null : runningHead(page, count, size)),
        },
        edition: { layout: 'guide.hbs', view, attribution: words },
      },
    ];
  },
};

function cover(view: GuideView, loc: Localization, options: BuildOptions): Content[] {
  const kit = loc.kit;
  const layout = runLayout<FittedLayout>(
    'guide-cover.hbs',
    {
      ...view,
      checklistTitle: loc.t('guide.chapter.checklist'),
      checklistColour: kit.categories.get(kit.checklist.centre.id)!.colour,
      misunderstandingsTitle: view.misunderstandings.title,
      misunderstandingsColour: view.misunderstandings.colour,
      brand: coverBrand(options.branding),
    },
    loc.t,
  );
  return onePage('cover', layout, GUIDE_FILE, loc, options).content;
}

/** The organisation's name and logo for the cover; pdfmake takes a PNG as a data URI and an SVG as markup. */
function coverBrand(branding: Branding | undefined) {
  if (!branding || (branding.organisation === null && branding.logo === null)) return null;
  const logo = branding.logo;
  return {
    organisation: branding.organisation,
    logo: logo === null ? null : { kind: logo.kind, source: logo.kind === 'png' ? logoDataUri(logo) : logo.svg },
  };
}
