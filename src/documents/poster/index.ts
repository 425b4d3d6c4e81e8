import type { Content } from 'pdfmake/interfaces.js';
import { checklistQuestionCount } from '../../content/model.js';
import { runLayout } from '../../layout/layouts.js';
import type { Rect } from '../../print/imposition.js';
import { POSTER_PAPER } from '../../print/paper.js';
import { mm, PT_PER_MM } from '../../print/units.js';
import { fitBoxes } from '../../render/fit.js';
import { actorViews } from '../actors/views.js';
import { rect } from '../cards/faces.js';
import type { Family } from '../family.js';
import { checklistInputs } from '../inputs.js';
import { pdfMeta } from '../meta.js';
import { attribution } from '../attribution.js';
import { fitWheel, placeWheel } from '../wheel/draw.js';
import { regionOf, textAt } from '../wheel/place.js';
import { wheelSvg } from '../wheel/svg.js';
import { posterGrid, type PosterGrid } from './grid.js';
import { tiledPages } from './tiled.js';
import { tileGrid } from '../../print/tiles.js';
import { grow } from './grow.js';
import { bandId, blockAreas, planBlocks, questionsId, type PosterLayout } from './plan.js';

export const POSTER_FILE = 'plakat-360.pdf';

/** The 360° checklist as one poster on A3, A2 or A1 (--poster), whatever paper the rest of the kit uses. */
export const poster: Family = {
  id: 'poster',
  files: () => [POSTER_FILE],
  inputs: (kit) => ({ [POSTER_FILE]: checklistInputs(kit) }),
  compose(loc, options) {
    const tiles = options.tile ? tileGrid(options.poster, options.tile, options.printerMargin) : undefined;
    // Tiled, the poster is laid out at the size its sheets make together.
    const page = tiles ? tiles.poster : POSTER_PAPER[options.poster];
    const actors = actorViews(loc);
    const { checklist, meta } = loc.kit;
    // The 360° checklist is Fremfærd's, word for word.
    const data = { kitTitle: meta.title, title: checklist.title, intro: checklist.intro, source: attribution(loc, ['seed']), note: meta.source.note, actors };
    const paperScale = page.width / POSTER_PAPER.a3.width;
    const layoutAt = (typeScale: number) => grow(runLayout<PosterLayout>('poster.hbs', { ...data, typeScale }, loc.t), paperScale);
    const base = layoutAt(1);
    const width = page.width - 2 * base.margin;
    const fixed = fitBoxes(
      [
        { id: 'header', width: mm(width), height: mm(base.header.maxHeight), ...regionOf(base.header) },
        { id: 'footer', width: mm(width), height: mm(base.footer.height), ...regionOf(base.footer) },
      ],
      POSTER_FILE,
      loc.language,
    );
    const header = fixed.get('header')!;
    const wheel = fitWheel(loc, actors, base.wheel.diameter, POSTER_FILE);
    const sectorAngles = wheel.geometry.sectors.map((s) => (s.start + s.end) / 2);
    const gridAt = (topShare: number) =>
      posterGrid(
        page,
        { margin: base.margin, gap: base.gap, headerHeight: header.height / PT_PER_MM, footerHeight: base.footer.height, wheelDiameter: base.wheel.diameter, topShare },
        sectorAngles,
      );
    const cellIn = (grid: PosterGrid, id: string): Rect => (id === wheel.centre.id ? grid.centre : grid.sectors[wheel.around.findIndex((a) => a.id === id)]!);
    const { grid, layout, cellOf, fitted } = planBlocks(layoutAt, gridAt, cellIn, POSTER_FILE, loc.language);

    const frames = layout.blocks.map((block) => {
      const c = cellOf(block.id);
      return { type: 'rect', x: mm(c.x), y: mm(c.y), w: mm(c.width), h: mm(c.height), lineWidth: layout.frame.lineWidth, lineColor: block.colour };
    });
    // Drawn in reading order, for text extraction and for readers that follow the content
    // stream: the header with the title first, then the blocks and the wheel, the source last.
    const content = (): Content[] => [
      textAt(grid.header, header),
      { canvas: frames, absolutePosition: { x: 0, y: 0 } } as Content,
      ...layout.blocks.flatMap((block) => {
        const cell = cellOf(block.id);
        const areas = blockAreas(block, cell);
        return [
          rect({ ...cell, height: block.band.height }, block.colour),
          textAt(areas.band, fitted.get(bandId(block.id))!, 'middle'),
          textAt(areas.questions, fitted.get(questionsId(block.id))!),
        ];
      }),
      ...placeWheel(wheel, { x: grid.wheel.x, y: grid.wheel.y }),
      textAt(grid.footer, fixed.get('footer')!),
    ];
    const title = loc.t('poster.title');
    const subject = loc.t('poster.subject', { count: checklistQuestionCount(loc.kit) });
    const edition = { layout: 'poster.hbs', view: { ...data, wheel: wheelSvg(loc, actors) }, attribution: data.source };
    const pages = tiles ? tiledPages(loc, tiles, options.tile!, content, POSTER_FILE) : { page, content: content() };
    return [{ family: 'poster', file: POSTER_FILE, title, pdf: { meta: pdfMeta(loc, options, title, subject), ...pages }, edition }];
  },
};
