import type { Content } from 'pdfmake/interfaces.js';
import { SAFE_INSET_MM } from '../../print/paper.js';
import { uprightSlot, type Rect, type Slot } from '../../print/imposition.js';
import { mm, PT_PER_MM } from '../../print/units.js';
import { fitBoxes, type FitBox, type Fitted } from '../../render/fit.js';
import { turned } from '../../render/turn.js';
import { FitError } from '../../errors.js';

/**
 * A label region of a card face (category name, card number): its type has the one size the
 * layout gives it on every card of the deck, never shrunk. Its height is the least it takes;
 * a label that needs more lines makes the region taller on every face of the deck alike.
 */
interface LabelRegion {
  /** Millimetres. */
  height: number;
  fontSize: number;
  content: Content[];
}

/** The body: the one region whose text is fitted into the room the labels leave. */
interface BodyRegion {
  fontSize: number;
  minFontSize: number;
  valign?: 'top' | 'middle';
  content: Content[];
}

/** What card-front.hbs and card-back.hbs produce for one card. */
export interface FaceLayout {
  /** Colour of the whole face, bleed included; white when absent. */
  background?: string;
  /** A coloured band from the top bleed edge down to `height` mm below the trim. */
  band?: { height: number; colour: string };
  header?: LabelRegion;
  body: BodyRegion;
  footer?: LabelRegion;
}

/** Space between the header, body and footer regions. */
const REGION_GAP_MM = 3;

const REGIONS = ['header', 'body', 'footer'] as const;
type RegionName = (typeof REGIONS)[number];
const LABELS = ['header', 'footer'] as const;
type LabelName = (typeof LABELS)[number];

/** Millimetres each label region takes on every face of one side of the deck. */
type LabelHeights = Record<LabelName, number>;

export interface FittedFace {
  layout: FaceLayout;
  heights: LabelHeights;
  regions: Partial<Record<RegionName, Fitted>>;
}

/** Grown label regions push the band down with them, so the header stays on the band. */
function bandHeight(layout: FaceLayout, heights: LabelHeights): number {
  return layout.band!.height + (layout.header ? heights.header - layout.header.height : 0);
}

/** The boxes of a face inside the card's safe area, in millimetres relative to the trim's top left. */
function regionBoxes(layout: FaceLayout, heights: LabelHeights, card: { width: number; height: number }): Record<RegionName, Rect | undefined> {
  const inner: Rect = { x: SAFE_INSET_MM, y: SAFE_INSET_MM, width: card.width - 2 * SAFE_INSET_MM, height: card.height - 2 * SAFE_INSET_MM };
  const headerH = layout.header ? heights.header : 0;
  const footerH = layout.footer ? heights.footer : 0;
  const bodyTop = inner.y + (layout.header ? headerH + REGION_GAP_MM + (layout.band ? Math.max(0, bandHeight(layout, heights) - SAFE_INSET_MM - headerH) : 0) : 0);
  const bodyBottom = inner.y + inner.height - (layout.footer ? footerH + REGION_GAP_MM : 0);
  return {
    header: layout.header ? { ...inner, height: headerH } : undefined,
    body: { x: inner.x, y: bodyTop, width: inner.width, height: bodyBottom - bodyTop },
    footer: layout.footer ? { x: inner.x, y: inner.y + inner.height - footerH, width: inner.width, height: footerH } : undefined,
  };
}

/** A height no label comes near, for measuring what one needs (points). */
const UNBOUNDED_PT = 10_000;

/**
 * Fits the faces of one side of the deck: labels are measured at their own size and the
 * tallest sets their region's height on every face; then each body is fitted into what is
 * left. A body that cannot fit fails the build with its card id.
 */
export function fitFaces(
  faces: Array<{ id: string; layout: FaceLayout }>,
  card: { width: number; height: number },
  document: string,
  language: string,
): FittedFace[] {
  const labelBoxes: FitBox[] = faces.flatMap((face) =>
    LABELS.flatMap((name) => {
      const region = face.layout[name];
      if (!region) return [];
      const width = mm(card.width - 2 * SAFE_INSET_MM);
      return [{ id: `${face.id} (${name})`, width, height: UNBOUNDED_PT, content: region.content, fontSize: region.fontSize, minFontSize: region.fontSize }];
    }),
  );
  const labels = fitBoxes(labelBoxes, document, language);
  const heights = Object.fromEntries(
    LABELS.map((name) => [
      name,
      Math.max(0, ...faces.flatMap((face) => {
        const region = face.layout[name];
        return region ? [region.height, labels.get(`${face.id} (${name})`)!.height / PT_PER_MM] : [];
      })),
    ]),
  ) as LabelHeights;

  const bodies: FitBox[] = faces.map((face) => {
    const rect = regionBoxes(face.layout, heights, card).body!;
    const id = `${face.id} (body)`;
    if (rect.height <= 0) throw new FitError(document, id, language, 'the labels take the whole card', face.layout.body.minFontSize);
    return { id, width: mm(rect.width), height: mm(rect.height), ...face.layout.body };
  });
  const fitted = fitBoxes(bodies, document, language);
  return faces.map((face) => ({
    layout: face.layout,
    heights,
    regions: Object.fromEntries(REGIONS.flatMap((name) => {
      const f = (name === 'body' ? fitted : labels).get(`${face.id} (${name})`);
      return f ? [[name, f]] : [];
    })),
  }));
}

/**
 * pdfmake nodes that draw a fitted face into a slot of the page, turned as the slot is. A
 * screen reader reads each face as one article, in the order its layout declares: category, kind, number, text, source.
 */
export function placeFace(face: FittedFace, slot: Slot): Content[] {
  if (slot.turn === 0) return [{ tag: 'Art', stack: drawFace(face, slot) } as Content];
  const upright = uprightSlot(slot);
  return [{ tag: 'Art', stack: turned(slot.turn, upright.origin, drawFace(face, upright.slot)) } as Content];
}

function drawFace(face: FittedFace, slot: Slot): Content[] {
  const nodes: Content[] = [];
  const { layout } = face;
  if (layout.background) nodes.push(rect(slot.bleed, layout.background));
  if (layout.band) {
    const top = slot.bleed.y;
    nodes.push(rect({ x: slot.bleed.x, y: top, width: slot.bleed.width, height: slot.trim.y - top + bandHeight(layout, face.heights) }, layout.band.colour));
  }
  const rects = regionBoxes(layout, face.heights, slot.trim);
  for (const name of REGIONS) {
    const fitted = face.regions[name];
    const r = rects[name];
    if (!fitted || !r) continue;
    const dy = name === 'body' && layout.body.valign === 'middle' ? Math.max(0, (mm(r.height) - fitted.height) / 2) : 0;
    nodes.push({
      absolutePosition: { x: mm(slot.trim.x + r.x), y: mm(slot.trim.y + r.y) + dy },
      columns: [{ width: mm(r.width), stack: fitted.content }],
      columnGap: 0,
    } as Content);
  }
  return nodes;
}

export function rect(r: Rect, colour: string): Content {
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: mm(r.width), h: mm(r.height), color: colour }], absolutePosition: { x: mm(r.x), y: mm(r.y) } } as Content;
}
