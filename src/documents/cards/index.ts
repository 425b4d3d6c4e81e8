import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import { backTurn, CUT_LINE_MM, cutLines, imposeSheet, type Line, type Rect, type SheetImposition, type Slot, type Turn } from '../../print/imposition.js';
import type { Size } from '../../print/paper.js';
import { CARD_PRESETS, PAPER } from '../../print/paper.js';
import { mm } from '../../print/units.js';
import { blackInk } from '../../print/black-ink.js';
import { CROP_MARK_ROOM_MM, cropMarksOutside } from '../../print/print-shop-marks.js';
import { fitBoxes } from '../../render/fit.js';
import type { PdfRequest } from '../../render/render.js';
import type { BuildOptions, ComposedDocument, Family } from '../family.js';
import { pdfMeta } from '../meta.js';
import { attribution } from '../attribution.js';
import { cardInputs } from '../inputs.js';
import { fitFaces, placeFace, type FaceLayout, type FittedFace } from './faces.js';
import { cardViews, type CardView } from './views.js';

export const DECK_FILE = 'spoergsmaalskort.pdf';

export const cards: Family = {
  id: 'cards',
  files: () => [DECK_FILE],
  inputs: (kit) => ({ [DECK_FILE]: cardInputs(kit) }),
  compose(loc, options) {
    const views = cardViews(loc, options.deckParts);
    const title = loc.t('deck.title');
    const meta = pdfMeta(loc, options, title, loc.t('deck.subject', { count: views.length, kit: loc.kit.meta.title }));
    const pdf = deckPages(loc, options, views, DECK_FILE);
    const composed: ComposedDocument = { family: 'cards', file: DECK_FILE, title, pdf: { meta, ...pdf }, edition: { layout: 'deck.hbs', view: { title, cards: views }, attribution: attribution(loc, views.map((v) => v.origin)) } };
    return [composed];
  },
};

/**
 * The pages of a deck of `views`, imposed as the options say: for the office, the instruction
 * and duplex-test sheet, then the fewest sheets of fronts and backs with their cut lines.
 */
export function deckPages(loc: Localization, options: BuildOptions, views: CardView[], document: string): Pages {
  const typeScale = Math.min(options.card.width / CARD_PRESETS.poker.width, options.card.height / CARD_PRESETS.poker.height);
  const data = (card: CardView) => ({ card, kitTitle: loc.kit.meta.title, size: options.card, typeScale, backs: options.backs });
  // The print shop's file prints black and grey text in black ink only.
  const ink = (layout: FaceLayout) => (options.imposition === 'single' ? blackInk(layout) : layout);
  const fit = (cards: CardView[], side: 'front' | 'back') =>
    fitFaces(
      cards.map((card) => ({ id: `${card.id} [${card.number}]${side === 'back' ? ' back' : ''}`, layout: ink(runLayout<FaceLayout>(`card-${side}.hbs`, data(card), loc.t)) })),
      options.card,
      document,
      loc.language,
    );
  const fronts = fit(views, 'front');
  if (options.imposition === 'single') return singleCards(fronts, fit(views, 'back'), options);
  if (options.duplex !== 'none') return sheets(views, fronts, fit(views, 'back'), options, loc, document);
  // Without backs, a back that carries content becomes a card of its own, right after its front.
  const withContent = views.filter(hasContentOnBack);
  const extra = new Map(fit(withContent, 'back').map((face, i) => [withContent[i]!.id, face]));
  const faces = views.flatMap((card, i) => [fronts[i]!, ...(extra.has(card.id) ? [extra.get(card.id)!] : [])]);
  return sheets(views, faces, undefined, options, loc, document, withContent.length);
}

/** The misunderstandings' backs say what is true instead; every other back only shows the card's category. */
function hasContentOnBack(card: CardView): boolean {
  return card.truth !== null;
}

export type Pages = Omit<PdfRequest, 'meta'>;

/** Print-shop imposition: one card per page, trim plus bleed, with TrimBox and BleedBox. */
function singleCards(fronts: FittedFace[], backs: FittedFace[], options: BuildOptions): Pages {
  const b = options.bleed;
  const room = options.cropMarks ? CROP_MARK_ROOM_MM : 0;
  const slot: Slot = {
    trim: { x: room + b, y: room + b, width: options.card.width, height: options.card.height },
    bleed: { x: room, y: room, width: options.card.width + 2 * b, height: options.card.height + 2 * b },
    turn: 0,
  };
  const size = { width: slot.bleed.width + 2 * room, height: slot.bleed.height + 2 * room };
  const marks = options.cropMarks ? [blackInk(lines(cropMarksOutside(slot.trim, slot.bleed)))] : [];
  const pages = fronts.flatMap((front, i) => [front, backs[i]!]).map((face): Page => ({ size, turn: 0, nodes: [...placeFace(face, slot), ...marks] }));
  return {
    page: size,
    content: paginate(pages),
    pageBoxes: pages.map(() => ({ trim: slot.trim, bleed: slot.bleed })),
  };
}

/**
 * What the office imposition makes of a deck of `views`: the grid, the sheets of cards, and
 * the pages and sheets the file holds in all (the instruction sheet, with its duplex-test
 * back, first). Printed on both sides, a sheet is two pages; without backs, a misunderstanding's
 * answer is a card of its own.
 */
export function deckSheets(options: BuildOptions, views: readonly CardView[]): { grid: SheetImposition; cardSheets: number; pages: number; sheets: number } {
  const grid = imposeSheet(PAPER[options.paper], options.card, options.bleed, options.duplex, options.printerMargin);
  const sides = options.duplex === 'none' ? 1 : 2;
  const faces = sides === 2 ? views.length : views.length + views.filter(hasContentOnBack).length;
  const cardSheets = Math.ceil(faces / grid.fronts.length);
  const pages = sides + cardSheets * sides;
  return { grid, cardSheets, pages, sheets: pages / sides };
}

/** Office imposition: an instruction and duplex-test sheet, then fronts and backs alternating. */
function sheets(views: CardView[], fronts: FittedFace[], backs: FittedFace[] | undefined, options: BuildOptions, loc: Localization, document: string, extraCards = 0): Pages {
  const paper = PAPER[options.paper];
  const { grid, cardSheets: sheetCount } = deckSheets(options, views);
  const perSheet = grid.fronts.length;
  const pages: Page[] = instructionPages(grid, fronts.length, sheetCount, extraCards, options, loc, document);
  for (let s = 0; s < sheetCount; s++) {
    const onSheet = fronts.slice(s * perSheet, (s + 1) * perSheet);
    const slots = grid.fronts.slice(0, onSheet.length);
    pages.push({ size: grid.page, turn: grid.frontTurn, nodes: [...onSheet.flatMap((face, i) => placeFace(face, slots[i]!)), lines(cutLines(grid, slots)), ...(grid.split ? [lines([grid.split], true)] : [])] });
    if (backs) pages.push({ size: grid.page, turn: grid.backTurn, nodes: backs.slice(s * perSheet, (s + 1) * perSheet).flatMap((face, i) => placeFace(face, grid.backs[i]!)) });
  }
  return { page: paper, content: paginate(pages), pageTurns: pages.map((p) => p.turn) };
}

/** One page of the deck: its size as laid out and how it is turned onto the paper. */
interface Page {
  size: Size;
  turn: Turn;
  nodes: Content[];
}

/** The duplex test marks: numbered crosses at asymmetric spots, so a wrong flip shows at once. */
const TEST_MARKS = [
  { x: 22, y: 22, n: '1' },
  { x: -38, y: 30, n: '2' },
  { x: 30, y: -42, n: '3' },
  { x: -24, y: -24, n: '4' },
];

function instructionPages(grid: SheetImposition, cards: number, sheetCount: number, extraCards: number, options: BuildOptions, loc: Localization, document: string): Page[] {
  const paper = grid.paper;
  const textArea: Rect = { x: 25, y: 50, width: paper.width - 50, height: paper.height - 100 };
  const data = {
    kitTitle: loc.kit.meta.title,
    deck: {
      cards: loc.t('deck.print.cards', { count: cards }),
      sheets: loc.t('deck.print.sheetCount', { count: sheetCount }),
      perSheet: loc.t('deck.print.cards', { count: grid.fronts.length }),
      paper: options.paper === 'a4' ? 'A4' : 'US Letter',
      width: loc.formatNumber(options.card.width),
      height: loc.formatNumber(options.card.height),
      duplex: options.duplex,
      bleed: loc.formatNumber(options.bleed),
      margin: loc.formatNumber(options.printerMargin),
      sideways: grid.frontTurn !== 0,
      mixed: grid.split !== undefined,
      extraCards,
      backs: options.backs,
    },
  };
  const layouts = [runLayout<Box>('deck-instructions.hbs', data, loc.t)];
  if (options.duplex !== 'none') layouts.push(runLayout<Box>('deck-test-back.hbs', data, loc.t));
  const fitted = fitBoxes(
    layouts.map((l, i) => ({ id: i === 0 ? 'instructions' : 'duplex test back', width: mm(textArea.width), height: mm(textArea.height), ...l })),
    document,
    loc.language,
  );
  const text = (id: string): Content => ({
    absolutePosition: { x: mm(textArea.x), y: mm(textArea.y) },
    columns: [{ width: mm(textArea.width), stack: fitted.get(id)!.content }],
  } as Content);
  // The back page is turned like the card backs, so its marks mirror left to right for either flip.
  const marks = (mirrored: boolean) => TEST_MARKS.map((m) => {
    const x = m.x < 0 ? paper.width + m.x : m.x;
    const y = m.y < 0 ? paper.height + m.y : m.y;
    return crossMark(mirrored ? paper.width - x : x, y, m.n);
  });
  if (options.duplex === 'none') return [{ size: paper, turn: 0, nodes: [text('instructions')] }];
  return [
    { size: paper, turn: 0, nodes: [text('instructions'), ...marks(false)] },
    { size: paper, turn: backTurn(0, options.duplex), nodes: [text('duplex test back'), ...marks(true)] },
  ];
}

interface Box {
  fontSize: number;
  minFontSize: number;
  content: Content[];
}

function crossMark(x: number, y: number, label: string): Content {
  const r = 6;
  return {
    // A mark to check the printer by, not to read.
    tag: 'Artifact',
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

/** Cut lines; the split that parts upright from turned cards is dashed, so the sheet can name it. */
function lines(cuts: Line[], dashed = false): Content {
  const dash = dashed ? { dash: { length: mm(3), space: mm(2) } } : {};
  return {
    canvas: cuts.map((l) => ({ type: 'line', x1: mm(l.x1), y1: mm(l.y1), x2: mm(l.x2), y2: mm(l.y2), lineWidth: mm(CUT_LINE_MM), lineColor: '#000000', ...dash })),
    absolutePosition: { x: 0, y: 0 },
  } as Content;
}

/** One stack per page; each after the first starts a new page, on its side when it is laid out wider than tall. */
function paginate(pages: Page[]): Content[] {
  return pages.map(({ nodes, size }, i) =>
    ({ stack: nodes, ...(i > 0 ? { pageBreak: 'before' as const, pageOrientation: size.width > size.height ? 'landscape' : 'portrait' } : {}) }) as Content,
  );
}
