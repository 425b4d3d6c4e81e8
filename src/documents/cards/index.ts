import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import { cropMarks, imposeSheet, type Line, type Rect, type SheetImposition, type Slot } from '../../print/imposition.js';
import { CARD_PRESETS, PAPER } from '../../print/paper.js';
import { mm } from '../../print/units.js';
import { fitBoxes } from '../../render/fit.js';
import type { PdfRequest } from '../../render/render.js';
import type { BuildOptions, ComposedDocument, Family } from '../family.js';
import { pdfMeta } from '../meta.js';
import { cardInputs } from '../inputs.js';
import { fitFaces, placeFace, type FaceLayout, type FittedFace } from './faces.js';
import { cardViews, type CardView } from './views.js';

export const DECK_FILE = 'spoergsmaalskort.pdf';

export const cards: Family = {
  id: 'cards',
  files: () => [DECK_FILE],
  inputs: (kit) => ({ [DECK_FILE]: cardInputs(kit) }),
  compose(loc, options) {
    const views = cardViews(loc);
    const title = loc.t('deck.title');
    const document = DECK_FILE;
    const typeScale = Math.min(options.card.width / CARD_PRESETS.poker.width, options.card.height / CARD_PRESETS.poker.height);
    const data = (card: CardView) => ({ card, source: loc.kit.meta.source.short, kitTitle: loc.kit.meta.title, size: options.card, typeScale });
    const fronts = fitFaces(
      views.map((card) => ({ id: `${card.id} [${card.number}]`, layout: runLayout<FaceLayout>('card-front.hbs', data(card), loc.t) })),
      options.card,
      document,
      loc.language,
    );
    const backs =
      options.duplex === 'none' && options.imposition === 'sheet'
        ? undefined
        : fitFaces(
            views.map((card) => ({ id: `${card.id} [${card.number}] back`, layout: runLayout<FaceLayout>('card-back.hbs', data(card), loc.t) })),
            options.card,
            document,
            loc.language,
          );
    const meta = pdfMeta(loc, options, title, loc.t('deck.subject', { count: views.length, kit: loc.kit.meta.title }));
    const pdf = options.imposition === 'single' ? singleCards(fronts, backs!, options) : sheets(fronts, backs, options, loc);
    const composed: ComposedDocument = { family: 'cards', file: document, title, pdf: { meta, ...pdf } };
    return [composed];
  },
};

type Pages = Omit<PdfRequest, 'meta'>;

/** Print-shop imposition: one card per page, trim plus bleed, with TrimBox and BleedBox. */
function singleCards(fronts: FittedFace[], backs: FittedFace[], options: BuildOptions): Pages {
  const b = options.bleed;
  const slot: Slot = {
    row: 0,
    column: 0,
    trim: { x: b, y: b, width: options.card.width, height: options.card.height },
    bleed: { x: 0, y: 0, width: options.card.width + 2 * b, height: options.card.height + 2 * b },
  };
  const pages = fronts.flatMap((front, i) => [placeFace(front, slot), placeFace(backs[i]!, slot)]);
  return {
    page: { width: slot.bleed.width, height: slot.bleed.height },
    content: paginate(pages),
    pageBoxes: pages.map(() => ({ trim: slot.trim, bleed: slot.bleed })),
  };
}

/** Office imposition: an instruction and duplex-test sheet, then fronts and backs alternating. */
function sheets(fronts: FittedFace[], backs: FittedFace[] | undefined, options: BuildOptions, loc: Localization): Pages {
  const paper = PAPER[options.paper];
  const grid = imposeSheet(paper, options.card, options.bleed, options.duplex);
  const perSheet = grid.fronts.length;
  const sheetCount = Math.ceil(fronts.length / perSheet);
  const pages: Content[][] = instructionPages(grid, fronts.length, sheetCount, options, loc);
  for (let s = 0; s < sheetCount; s++) {
    const onSheet = fronts.slice(s * perSheet, (s + 1) * perSheet);
    const slots = grid.fronts.slice(0, onSheet.length);
    pages.push([...onSheet.flatMap((face, i) => placeFace(face, slots[i]!)), lines(cropMarks(paper, slots))]);
    if (backs) pages.push(backs.slice(s * perSheet, (s + 1) * perSheet).flatMap((face, i) => placeFace(face, grid.backs[i]!)));
  }
  return { page: paper, content: paginate(pages) };
}

/** The duplex test marks: numbered crosses at asymmetric spots, so a wrong flip shows at once. */
const TEST_MARKS = [
  { x: 22, y: 22, n: '1' },
  { x: -38, y: 30, n: '2' },
  { x: 30, y: -42, n: '3' },
  { x: -24, y: -24, n: '4' },
];

function instructionPages(grid: SheetImposition, cards: number, sheetCount: number, options: BuildOptions, loc: Localization): Content[][] {
  const paper = grid.paper;
  const textArea: Rect = { x: 25, y: 50, width: paper.width - 50, height: paper.height - 100 };
  const data = {
    kitTitle: loc.kit.meta.title,
    deck: {
      cards,
      sheets: sheetCount,
      perSheet: grid.fronts.length,
      paper: options.paper === 'a4' ? 'A4' : 'US Letter',
      width: loc.formatNumber(options.card.width),
      height: loc.formatNumber(options.card.height),
      duplex: options.duplex,
      bleed: loc.formatNumber(options.bleed),
    },
  };
  const layouts = [runLayout<Box>('deck-instructions.hbs', data, loc.t)];
  if (options.duplex !== 'none') layouts.push(runLayout<Box>('deck-test-back.hbs', data, loc.t));
  const fitted = fitBoxes(
    layouts.map((l, i) => ({ id: i === 0 ? 'instructions' : 'duplex test back', width: mm(textArea.width), height: mm(textArea.height), ...l })),
    DECK_FILE,
    loc.language,
  );
  const text = (id: string): Content => ({
    absolutePosition: { x: mm(textArea.x), y: mm(textArea.y) },
    columns: [{ width: mm(textArea.width), stack: fitted.get(id)!.content }],
  } as Content);
  const marks = (mirrored: boolean) => TEST_MARKS.map((m) => {
    let x = m.x < 0 ? paper.width + m.x : m.x;
    let y = m.y < 0 ? paper.height + m.y : m.y;
    if (mirrored && options.duplex === 'long') x = paper.width - x;
    if (mirrored && options.duplex === 'short') y = paper.height - y;
    return crossMark(x, y, m.n);
  });
  const pages: Content[][] = [[text('instructions'), ...marks(false)]];
  if (options.duplex !== 'none') pages.push([text('duplex test back'), ...marks(true)]);
  return pages;
}

interface Box {
  fontSize: number;
  minFontSize: number;
  content: Content[];
}

function crossMark(x: number, y: number, label: string): Content {
  const r = 6;
  return {
    stack: [
      {
        canvas: [
          { type: 'line', x1: mm(x - r), y1: mm(y), x2: mm(x + r), y2: mm(y), lineWidth: 0.5, lineColor: '#000000' },
          { type: 'line', x1: mm(x), y1: mm(y - r), x2: mm(x), y2: mm(y + r), lineWidth: 0.5, lineColor: '#000000' },
          { type: 'ellipse', x: mm(x), y: mm(y), r1: mm(r * 0.6), r2: mm(r * 0.6), lineWidth: 0.5, lineColor: '#000000' },
        ],
        absolutePosition: { x: 0, y: 0 },
      },
      { text: label, fontSize: 9, bold: true, absolutePosition: { x: mm(x + 2), y: mm(y + 1.5) } },
    ],
  } as Content;
}

function lines(marks: Line[]): Content {
  return {
    canvas: marks.map((l) => ({ type: 'line', x1: mm(l.x1), y1: mm(l.y1), x2: mm(l.x2), y2: mm(l.y2), lineWidth: 0.3, lineColor: '#000000' })),
    absolutePosition: { x: 0, y: 0 },
  } as Content;
}

/** One stack per page with a break after each but the last. */
function paginate(pages: Content[][]): Content[] {
  return pages.map((nodes, i) => ({ stack: nodes, ...(i < pages.length - 1 ? { pageBreak: 'after' as const } : {}) }) as Content);
}
