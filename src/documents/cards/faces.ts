import type { Content } from 'pdfmake/interfaces.js';
import { SAFE_INSET_MM } from '../../print/paper.js';
import { uprightSlot, type Rect, type Slot } from '../../print/imposition.js';
import { mm } from '../../print/units.js';
import { fitBoxes, type FitBox, type Fitted } from '../../render/fit.js';
import { turned } from '../../render/turn.js';

/** A text region of a card face, as a layout describes it. */
interface Region {
  /** Millimetres (header and footer only; the body takes what is left). */
  height?: number;
  fontSize: number;
  minFontSize: number;
  content: Content[];
}

/** What card-front.hbs and card-back.hbs produce for one card. */
export interface FaceLayout {
  /** Colour of the whole face, bleed included; white when absent. */
  background?: string;
  /** A coloured band from the top bleed edge down to `height` mm below the trim. */
  band?: { height: number; colour: string };
  header?: Region;
  body: Region & { valign?: 'top' | 'middle' };
  footer?: Region;
}

/** Space between the header, body and footer regions. */
const REGION_GAP_MM = 3;

const REGIONS = ['header', 'body', 'footer'] as const;
type RegionName = (typeof REGIONS)[number];

export interface FittedFace {
  layout: FaceLayout;
  regions: Partial<Record<RegionName, Fitted>>;
}

/** The boxes of a face inside the card's safe area, in millimetres relative to the trim's top left. */
function regionBoxes(layout: FaceLayout, card: { width: number; height: number }): Record<RegionName, Rect | undefined> {
  const inner: Rect = { x: SAFE_INSET_MM, y: SAFE_INSET_MM, width: card.width - 2 * SAFE_INSET_MM, height: card.height - 2 * SAFE_INSET_MM };
  const headerH = layout.header?.height ?? 0;
  const footerH = layout.footer?.height ?? 0;
  const bodyTop = inner.y + (layout.header ? headerH + REGION_GAP_MM + (layout.band ? Math.max(0, layout.band.height - SAFE_INSET_MM - headerH) : 0) : 0);
  const bodyBottom = inner.y + inner.height - (layout.footer ? footerH + REGION_GAP_MM : 0);
  return {
    header: layout.header ? { ...inner, height: headerH } : undefined,
    body: { x: inner.x, y: bodyTop, width: inner.width, height: bodyBottom - bodyTop },
    footer: layout.footer ? { x: inner.x, y: inner.y + inner.height - footerH, width: inner.width, height: footerH } : undefined,
  };
}

/** Fits every region of every face in one go; a text that cannot fit fails the build with its card id. */
export function fitFaces(
  faces: Array<{ id: string; layout: FaceLayout }>,
  card: { width: number; height: number },
  document: string,
  language: string,
): FittedFace[] {
  const boxes: FitBox[] = [];
  for (const face of faces) {
    const rects = regionBoxes(face.layout, card);
    for (const name of REGIONS) {
      const region = face.layout[name];
      const rect = rects[name];
      if (!region || !rect) continue;
      if (rect.height <= 0) throw new Error(`card layout leaves no room for the ${name} on a ${card.width}×${card.height} mm card`);
      boxes.push({
        id: `${face.id} (${name})`,
        width: mm(rect.width),
        height: mm(rect.height),
        content: region.content,
        fontSize: region.fontSize,
        minFontSize: region.minFontSize,
      });
    }
  }
  const fitted = fitBoxes(boxes, document, language);
  return faces.map((face) => ({
    layout: face.layout,
    regions: Object.fromEntries(REGIONS.flatMap((name) => {
      const f = fitted.get(`${face.id} (${name})`);
      return f ? [[name, f]] : [];
    })),
  }));
}

/** pdfmake nodes that draw a fitted face into a slot of the page, turned as the slot is. */
export function placeFace(face: FittedFace, slot: Slot): Content[] {
  if (slot.turn === 0) return drawFace(face, slot);
  const upright = uprightSlot(slot);
  return turned(slot.turn, upright.origin, drawFace(face, upright.slot));
}

function drawFace(face: FittedFace, slot: Slot): Content[] {
  const nodes: Content[] = [];
  const { layout } = face;
  if (layout.background) nodes.push(rect(slot.bleed, layout.background));
  if (layout.band) {
    const top = slot.bleed.y;
    nodes.push(rect({ x: slot.bleed.x, y: top, width: slot.bleed.width, height: slot.trim.y - top + layout.band.height }, layout.band.colour));
  }
  const rects = regionBoxes(layout, slot.trim);
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
