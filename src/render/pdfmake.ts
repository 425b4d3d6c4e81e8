import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { host } from '../host/host.js';
import { DEFAULT_STYLE, FONT_FAMILY, FONT_FILES } from './fonts.js';
import { parseFont } from './parsed-fonts.js';
import { mm } from '../print/units.js';
import { patchEngine, type Internals, type LaidOutPage } from './engine.js';

/** The part of pdfmake 0.3's API that kernekit uses (its published types describe 0.2). */
export interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  fonts: Record<string, Record<string, string>>;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  localAccessPolicy?: (path: string) => boolean;
  createPdf(def: TDocumentDefinitions, options?: { bufferPages?: boolean }): OutputDocument;
}

export interface OutputDocument {
  getStream(): Promise<unknown>;
  getBuffer(): Promise<Buffer>;
}

let pdfmake: PdfMake | undefined;
let internals: Internals | undefined;
/**
 * The configured pdfmake: fonts from memory, every URL refused, and local files only as
 * read-policy.ts allows, so a layout cannot make pdfmake fetch or read anything else. Built
 * from pdfmake's platform-free base rather than its Node or browser singleton, so the
 * command line and the planner page in a browser render with the same code.
 */
export function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  // Loaded on first use: commands that render nothing (validate, list) never pay for pdfmake.
  const modules = host.pdfmake(parseFont);
  internals = modules as unknown as Internals;
  patchEngine(internals);
  const Base = modules.Base as new () => PdfMake & { _transformToDocument(doc: Promise<unknown>): unknown };
  const OutputDocument = modules.OutputDocument;
  pdfmake = new (class extends Base {
    override _transformToDocument(doc: Promise<unknown>) {
      return new OutputDocument(doc);
    }
  })();
  const vfsNames: Record<string, string> = {};
  for (const [style, bytes] of host.fonts()) {
    const name = `fonts/${FONT_FILES[style]}`;
    pdfmake.virtualfs.writeFileSync(name, bytes);
    vfsNames[style] = name;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: vfsNames });
  pdfmake.setUrlAccessPolicy(() => false);
  // guardReads already applies this rule to every read; telling pdfmake too stops it warning on every build that it has none.
  pdfmake.localAccessPolicy = host.mayRead;
  return pdfmake;
}

/**
 * The height of each content laid out alone, `width` points wide, on a page of unbounded
 * height: what pdfmake would make an "auto"-height page, without drawing a PDF (drawing
 * cost as much as laying out, and fitting throws the PDF away). The bottom of each page
 * is found as pdfmake finds it for "auto" pages, so a measured height is the height the
 * final PDF gives the same content.
 */
export function layoutHeights(contents: Array<Exclude<Content, string | unknown[]>>, width: number): number[] {
  const pm = engine();
  const { PDFDocument, LayoutBuilder, SVGMeasure, tableLayouts } = internals!;
  const doc = new PDFDocument(pm.fonts, {}, {}, {}, { size: [width, Infinity], autoFirstPage: false, font: null, fontLayoutCache: true }, pm.virtualfs, undefined);
  const builder = new LayoutBuilder({ width, height: Infinity, orientation: 'portrait' }, { left: 0, top: 0, right: 0, bottom: 0 }, new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  const content = contents.map((c, i) => (i < contents.length - 1 ? { ...(c as object), pageBreak: 'after' } : c)) as Content;
  const pages = builder.layoutDocument(content, doc, {}, { ...DEFAULT_STYLE });
  if (pages.length !== contents.length) throw new Error(`measuring: expected ${contents.length} pages, got ${pages.length}`);
  return pages.map((page) => Math.max(0, ...page.items.map(({ type, item }) => bottom(type, item)).filter((b) => b === b)));
}

/**
 * How many pages `content` takes on pages of `page` (millimetres) with `margins` (millimetres:
 * top, right, bottom, left), laid out as a render lays it out, without drawing a PDF.
 */
export function layoutPageCount(content: Content[], page: { width: number; height: number }, margins: [number, number, number, number]): number {
  const pm = engine();
  const { PDFDocument, LayoutBuilder, SVGMeasure, tableLayouts } = internals!;
  const [width, height] = [mm(page.width), mm(page.height)];
  const [top, right, bottom, left] = margins.map(mm) as [number, number, number, number];
  const doc = new PDFDocument(pm.fonts, {}, {}, {}, { size: [width, height], autoFirstPage: false, font: null, fontLayoutCache: true }, pm.virtualfs, undefined);
  const builder = new LayoutBuilder({ width, height, orientation: 'portrait' }, { left, top, right, bottom }, new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  // pdfmake moves nodes in place while laying out, so it lays out a copy.
  return builder.layoutDocument(structuredClone(content) as unknown as Content, doc, {}, { ...DEFAULT_STYLE }).length;
}

/** Where a laid-out item ends, as pdfmake reckons it for "auto" pages (NaN for shapes it does not reckon). */
function bottom(type: string, item: LaidOutPage['items'][number]['item']): number {
  if (typeof item.getHeight === 'function') return (item.y ?? 0) + item.getHeight();
  if (item._height) return (item.y ?? 0) + item._height;
  if (type !== 'vector') return item.y ?? 0;
  if (item.y1 !== undefined) return Math.max(item.y1, item.y2!);
  return (item.y ?? 0) + item.h!;
}
