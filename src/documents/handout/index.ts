import type { Content } from 'pdfmake/interfaces.js';
import type { Rect } from '../../print/imposition.js';
import { runLayout } from '../../layout/layouts.js';
import { PAPER } from '../../print/paper.js';
import { mm } from '../../print/units.js';
import { fitBoxes, type FitBox, type Fitted } from '../../render/fit.js';
import { rect } from '../cards/faces.js';
import type { Localization } from '../../i18n/translator.js';
import type { BuildOptions, Family } from '../family.js';
import { shownMeta } from '../inputs.js';
import { pdfMeta } from '../meta.js';
import { attribution } from '../attribution.js';
import { footerSource } from '../page.js';
import { handoutGrid, inset } from './geometry.js';

export const HANDOUT_FILE = 'misforstaaelser.pdf';

/** A text region as handout.hbs describes it: its type size and the smallest it may shrink to. */
interface Region {
  fontSize: number;
  minFontSize: number;
  content: Content[];
}

/** What handout.hbs produces; lengths in millimetres. */
interface HandoutLayout {
  margin: number;
  gap: number;
  header: Region & { height: number };
  panel: { background: string; band: { width: number; colour: string }; padding: number };
  panels: Array<{ number: Region; body: Region }>;
  footer: Region & { height: number };
}

export const handout: Family = {
  id: 'handout',
  files: () => [HANDOUT_FILE],
  inputs: (kit) => ({ [HANDOUT_FILE]: { meta: shownMeta(kit), definition: kit.meta.definition, misunderstandings: kit.misunderstandings } }),
  compose(loc, options) {
    const { view, content, words } = handoutPage(loc, options);
    const paper = PAPER[options.paper];
    return [
      {
        family: 'handout',
        file: HANDOUT_FILE,
        title: view.title,
        pdf: {
          meta: pdfMeta(loc, options, view.title, loc.t('handout.subject', { kit: loc.kit.meta.title })),
          page: { width: paper.width, height: paper.height, margins: [0, 0, 0, 0] },
          content,
        },
        edition: { layout: 'handout.hbs', view, attribution: words },
      },
    ];
  },
};

/** What the handout shows, and how the HTML edition shows it too. */
export interface HandoutView {
  kitTitle: string;
  title: string;
  definition: string;
  source: string;
  colour: string;
  panels: Array<{ number: string; claim: string; truth: string; example: string; origin: string }>;
}

/**
 * The handout's one page, drawn in place on the build's paper (every node positioned from
 * the page's corner, so it prints the same whatever the page's margins): its own PDF, and
 * each participant's copy in the print pack.
 */
export function handoutPage(loc: Localization, options: BuildOptions): { view: HandoutView; content: Content[]; words: string } {
  const kit = loc.kit;
  const items = kit.misunderstandings.items;
  // The misunderstandings are told in the kit's own words; each panel names what it draws on.
  const words = attribution(loc, ['kit']);
  const view: HandoutView = {
    kitTitle: kit.meta.title,
    title: loc.t('handout.title'),
    definition: kit.meta.definition,
    source: footerSource(loc, options, words),
    colour: kit.categories.get(kit.misunderstandings.id)!.colour,
    // The printed ordinal of each panel; the panels are identified by the items' ids.
    panels: items.map((m, i) => ({ number: loc.formatNumber(i + 1), claim: m.claim, truth: m.truth, example: m.example, origin: m.origin })),
  };
  const layout = runLayout<HandoutLayout>('handout.hbs', view, loc.t);
  const paper = PAPER[options.paper];
  const grid = handoutGrid(paper, { margin: layout.margin, gap: layout.gap, headerHeight: layout.header.height, footerHeight: layout.footer.height, count: items.length });
  const { band, padding } = layout.panel;
  const bodyRect = (panel: Rect): Rect => inset({ ...panel, x: panel.x + band.width, width: panel.width - band.width }, padding);
  const numberRect = (panel: Rect): Rect => ({ x: panel.x, y: panel.y + padding, width: band.width, height: Math.min(panel.height - 2 * padding, 14) });

  // In reading order, which is the order they are drawn in: header, each panel's number
  // then its text, the source line last.
  const boxes: Array<{ id: string; rect: Rect; region: Region }> = [
    { id: 'header', rect: grid.header, region: layout.header },
    ...items.flatMap((m, i) => [
      { id: `${m.id} (number)`, rect: numberRect(grid.panels[i]!), region: layout.panels[i]!.number },
      { id: m.id, rect: bodyRect(grid.panels[i]!), region: layout.panels[i]!.body },
    ]),
    { id: 'footer', rect: grid.footer, region: layout.footer },
  ];
  const fitted = fitBoxes(boxes.map(fitBox), HANDOUT_FILE, loc.language);

  const content: Content[] = [
    ...grid.panels.flatMap((panel) => [rect(panel, layout.panel.background), rect({ ...panel, width: band.width }, band.colour)]),
    ...boxes.map((b) => place(b.rect, fitted.get(b.id)!)),
  ];
  return { view, content, words };
}

function fitBox(b: { id: string; rect: Rect; region: Region }): FitBox {
  return { id: b.id, width: mm(b.rect.width), height: mm(b.rect.height), content: b.region.content, fontSize: b.region.fontSize, minFontSize: b.region.minFontSize };
}

function place(r: Rect, fitted: Fitted): Content {
  return { absolutePosition: { x: mm(r.x), y: mm(r.y) }, columns: [{ width: mm(r.width), stack: fitted.content }], columnGap: 0 } as Content;
}
