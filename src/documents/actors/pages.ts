import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import type { Rect } from '../../print/imposition.js';
import { mm, PT_PER_MM } from '../../print/units.js';
import { fitBoxes } from '../../render/fit.js';
import { FitError, SheetSpaceError } from '../../errors.js';
import { rect } from '../cards/faces.js';
import { inDocument, linesGeometry, type LinesSpec } from '../worksheets/geometry.js';
import { regionOf, textAt, type Region } from '../wheel/place.js';
import type { ActorView } from './views.js';

/** What actors-page.hbs describes for one actor. Distances in millimetres. */
interface ActorPageLayout {
  band: Region & { height: number; padding: number; colour: string };
  bandGap: number;
  /** In print order; each group's heading rides in its first question's block. */
  questions: Array<Region & { id: string }>;
  lines: LinesSpec & { lineWidth: number; colour: string };
}

/** Each step by which a crowded page's type is set smaller, and the smallest scale tried. */
const SCALE_STEP = 0.05;
const MIN_SCALE = 0.6;

/**
 * One page per actor: its colour band, then every question with ruled lines under it. The
 * questions' text is measured first; the ruled lines then share out the rest of the page
 * (worksheets/geometry.ts does the sharing, so actor sheets and worksheets rule alike).
 */
export function actorPages(loc: Localization, actors: ActorView[], area: Rect, document: string): Content[][] {
  const layoutAt = (actor: ActorView, typeScale: number) => {
    let number = 0;
    const groups = actor.groups.map((g) => ({ kind: g.kind, questions: g.questions.map((q) => ({ ...q, number: loc.formatNumber(++number) })) }));
    return runLayout<ActorPageLayout>('actors-page.hbs', { actor, groups, typeScale }, loc.t);
  };
  // The height all of a page's questions may take together and still leave each its minimum of writing lines.
  const room = (l: ActorPageLayout) => {
    const n = l.questions.length;
    return area.height - l.band.height - l.bandGap - n * l.lines.minLines * l.lines.minPitch - (n - 1) * l.lines.gap;
  };
  const fitQuestions = (pages: ActorPageLayout[]) => {
    try {
      return fitBoxes(
        pages.flatMap((l) => l.questions.map((q) => ({ id: q.id, width: mm(area.width), height: mm(room(l)), ...regionOf(q) }))),
        document,
        loc.language,
      );
    } catch (err) {
      // A question's box is the room all of its page's questions share: when one does not fit, the page asks too many.
      if (!(err instanceof FitError)) throw err;
      const page = pages.find((l) => l.questions.some((q) => q.id === err.boxId));
      if (!page) throw err;
      const n = page.questions.length;
      const reason = `its ${n} questions, each with ${page.lines.minLines} writing lines under it, leave ${Math.max(0, Math.round(room(page)))} mm for all their texts, too little even at the smallest type. Ask this actor fewer questions, or shorten them.`;
      throw new SheetSpaceError(actors[layouts.indexOf(page)]?.id ?? err.boxId, reason).inDocument(document, loc.language);
    }
  };

  const scales = actors.map(() => 1);
  const layouts = actors.map((actor) => layoutAt(actor, 1));
  const bands = fitBoxes(
    layouts.map((l, i) => ({ id: actors[i]!.id, width: mm(area.width - 2 * l.band.padding), height: mm(l.band.height - 2 * l.band.padding), ...regionOf(l.band) })),
    document,
    loc.language,
  );
  const fitted = fitQuestions(layouts);
  const textHeight = (l: ActorPageLayout) => l.questions.reduce((h, q) => h + fitted.get(q.id)!.height / PT_PER_MM, 0);
  // A crowded page is set smaller as a whole, so its questions keep one type size between them.
  for (;;) {
    const crowded = layouts.flatMap((l, i) => (textHeight(l) > room(l) && scales[i]! - SCALE_STEP >= MIN_SCALE ? [i] : []));
    if (crowded.length === 0) break;
    for (const i of crowded) {
      scales[i] = scales[i]! - SCALE_STEP;
      layouts[i] = layoutAt(actors[i]!, scales[i]!);
    }
    for (const [id, f] of fitQuestions(crowded.map((i) => layouts[i]!))) fitted.set(id, f);
  }

  return layouts.map((l, i) => {
    const actor = actors[i]!;
    const { band, lines } = l;
    const heights = l.questions.map((q) => ({ id: q.id, height: fitted.get(q.id)!.height / PT_PER_MM }));
    const geometry = inDocument(document, loc.language, () => linesGeometry(actor.id, area, band.height, l.bandGap, heights, lines));
    const bandBox: Rect = { ...area, height: band.height };
    const inset: Rect = { x: area.x + band.padding, y: area.y + band.padding, width: area.width - 2 * band.padding, height: band.height - 2 * band.padding };
    const rules = geometry.fields.flatMap((f) =>
      f.rules.map((y) => ({ type: 'line', x1: mm(f.rect.x), y1: mm(y), x2: mm(f.rect.x + f.rect.width), y2: mm(y), lineWidth: lines.lineWidth, lineColor: lines.colour })),
    );
    return [
      rect(bandBox, band.colour),
      textAt(inset, bands.get(actor.id)!, 'middle'),
      ...l.questions.map((q) => textAt(geometry.texts.find((t) => t.id === q.id)!.rect, fitted.get(q.id)!)),
      { canvas: rules, absolutePosition: { x: 0, y: 0 } } as Content,
    ];
  });
}
