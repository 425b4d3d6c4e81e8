import type { Content } from 'pdfmake/interfaces.js';
import { layoutHeights } from './pdfmake.js';
import { rememberedHeights } from './remembered-heights.js';
import { breakLongWords } from './hyphenate.js';
import { FitError } from '../errors.js';
import { mapNodes, visitNodes, type NodeMapper } from './nodes.js';

/** A box whose text must fit: a card face, a worksheet field, a handout panel. */
export interface FitBox {
  /** The card or box id, named in the error when nothing fits. */
  id: string;
  /** Points. */
  width: number;
  height: number;
  content: Content[];
  /** The text size the layout asks for, and the smallest it may be shrunk to. */
  fontSize: number;
  minFontSize: number;
}

export interface Fitted {
  content: Content[];
  /** Height the fitted content takes, in points (for vertical centring). */
  height: number;
  fontSize: number;
}


/** Shrink steps, as fractions of the layout's size: gentle at first, as a typographer would. */
function scales(box: FitBox): number[] {
  const floor = box.minFontSize / box.fontSize;
  const out: number[] = [];
  for (let s = 1; s > floor + 1e-9; s -= 0.05) out.push(s);
  out.push(floor);
  return out;
}

/**
 * Fits every box: each at its own size, then each that overflowed one step smaller, and so
 * on, every box of a step measured at once, so a box is measured at no size smaller than the
 * largest that fits (a guide's run sheet that fits at 75 % is laid out at six sizes, not all
 * eight). Measuring lays each variant out on its own page of "auto" height, so pdfmake itself
 * says how tall the text is.
 */
export function fitBoxes(boxes: FitBox[], document: string, language: string): Map<string, Fitted> {
  const fitted = new Map<string, Fitted>();
  const failed = new Set<FitBox>();
  let pending = boxes.map((box) => ({ box, scales: [1, ...scales(box).slice(1)], step: 0 }));
  while (pending.length > 0) {
    const variants = pending.map((p) => ({ ...p, content: scaled(p.box, p.scales[p.step]!, language) }));
    const heights = measure(variants.map((v) => ({ width: v.box.width, content: v.content })));
    pending = [];
    variants.forEach((v, i) => {
      const scale = v.scales[v.step]!;
      if (heights[i]! <= v.box.height) fitted.set(v.box.id, { content: v.content, height: heights[i]!, fontSize: scale === 1 ? v.box.fontSize : round(v.box.fontSize * scale) });
      else if (v.step + 1 < v.scales.length) pending.push({ ...v, step: v.step + 1 });
      else failed.add(v.box);
    });
  }
  const first = boxes.find((box) => failed.has(box));
  if (first) throw new FitError(document, first.id, language, excerpt(first.content), first.minFontSize);
  return fitted;
}

/**
 * Heights in points of each content laid out at its width. Identical contents (a label on
 * every worksheet, the same text at a step two boxes share) are laid out once, and the
 * engine cache remembers each height for the next build.
 */
function measure(items: Array<{ width: number; content: Content[] }>): number[] {
  return rememberedHeights(
    items,
    (item) => [item.width, item.content],
    (todo) => {
      // pdfmake moves nodes (canvas shapes among them) in place while laying out, so it measures copies.
      const content = todo.map((item) => ({ columns: [{ width: item.width, stack: structuredClone(item.content) }], columnGap: 0 }));
      return layoutHeights(content as never, Math.max(...todo.map((item) => item.width)));
    },
  );
}

/** No text on any document is set smaller than this, however much a box is shrunk. */
export const SMALLEST_TYPE_PT = 6.5;

/** What a node passes to what it holds: the type it sets, and how much the box is shrunk there. */
interface Inherited {
  fontSize: number;
  bold: boolean;
  italics: boolean;
  scale: number;
}

/** A deep copy of the box content at `scale`, with over-long words split for its width. */
function scaled(box: FitBox, scale: number, language: string): Content[] {
  const base: Inherited = { fontSize: box.fontSize, bold: false, italics: false, scale };
  // The base size wraps the content, so nodes that name no size of their own shrink too.
  return [{ stack: mapNodes(box.content, base, fitter(box.width, language)), fontSize: shrunk(box.fontSize, scale) }];
}

/** A size shrunk by `scale`, never below the smallest type (a layout's own smaller size stays). */
function shrunk(size: number, scale: number): number {
  return round(Math.max(size * scale, Math.min(size, SMALLEST_TYPE_PT)));
}

function fitter(width: number, language: string): NodeMapper<Inherited> {
  return {
    record(node, inherited) {
      let record = node;
      let scale = inherited.scale;
      // Labels (`keepSize: true`) keep the size the layout gives them; only the text around them is fitted.
      if (record.keepSize === true) {
        const { keepSize: _, ...rest } = record;
        record = { fontSize: inherited.fontSize, ...rest };
        scale = 1;
      }
      const context: Inherited = {
        fontSize: typeof record.fontSize === 'number' ? record.fontSize : inherited.fontSize,
        bold: typeof record.bold === 'boolean' ? record.bold : inherited.bold,
        italics: typeof record.italics === 'boolean' ? record.italics : inherited.italics,
        scale,
      };
      return { record, context };
    },
    text: (text, { fontSize, bold, italics, scale }) => breakLongWords(text, width, { fontSize: fontSize * scale, bold, italics }, language),
    value: (key, value, { scale }) => (key === 'fontSize' ? shrunk(value as number, scale) : key === 'margin' && typeof value === 'number' ? value * scale : value),
  };
}

function excerpt(content: Content[]): string {
  const text: string[] = [];
  visitNodes(content, undefined, () => undefined, (t) => text.push(t));
  const all = text.join(' ').replace(/\s+/g, ' ').trim();
  return all.length > 60 ? all.slice(0, 60) + '…' : all;
}

const round = (v: number) => Math.round(v * 100) / 100;
