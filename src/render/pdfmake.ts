import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { host } from '../host/host.js';
import { FONT_STYLES } from './fonts.js';
import { parseFont } from './parsed-fonts.js';
import { mm } from '../print/units.js';
import { defaultStyle, faceFile, fontSet, type FontSet } from './font-set.js';
import { withFontRuns } from './font-runs.js';
import { patchEngine, type Internals, type LaidOutPage } from './engine.js';

/** The part of pdfmake 0.3's API that kernekit uses (its published types describe 0.2). */
export interface PdfMake {
  virtualfs: VirtualFs;
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

/** pdfmake's virtual file system, the part of it that pdfmake's documents read. */
interface VirtualFs {
  existsSync(name: string): boolean;
  readFileSync(name: string, options?: unknown): unknown;
  writeFileSync(name: string, data: Uint8Array): void;
}

let pdfmake: PdfMake | undefined;
let setUpFailed: { error: unknown } | undefined;
let internals: Internals | undefined;
/** The font set pdfmake's font table was last made from. */
let registered: FontSet | undefined;
/** Each registered face's file by its name in the virtual file system, read when a document first draws with it. */
const fontFiles = new Map<string, () => Uint8Array>();
/**
 * The configured pdfmake: fonts from memory, every URL refused, and local files only as
 * read-policy.ts allows, so a layout cannot make pdfmake fetch or read anything else. Built
 * from pdfmake's platform-free base rather than its Node or browser singleton, so the
 * command line and the planner page in a browser render with the same code.
 */
export function engine(): PdfMake {
  if (setUpFailed) throw setUpFailed.error;
  try {
    pdfmake ??= configured();
  } catch (error) {
    // A module that failed while loading stays half-made, and patches may be half-applied:
    // set-up is not tried again, and every later call reports the first failure, its real
    // cause (the planner page's warm-up swallows its own errors; the press after it says why).
    setUpFailed = { error };
    throw error;
  }
  if (registered !== fontSet()) registerFonts(pdfmake, (registered = fontSet()));
  return pdfmake;
}

function configured(): PdfMake {
  // Loaded on first use: commands that render nothing (validate, list) never pay for pdfmake.
  const modules = host.pdfmake(parseFont);
  internals = modules as unknown as Internals;
  patchEngine(internals);
  const Base = modules.Base as new () => PdfMake & { _transformToDocument(doc: Promise<unknown>): unknown };
  const OutputDocument = modules.OutputDocument;
  const pm = new (class extends Base {
    override _transformToDocument(doc: Promise<unknown>) {
      return new OutputDocument(doc);
    }
  })();
  const files = pm.virtualfs;
  pm.virtualfs = {
    existsSync: (name) => fontFiles.has(name) || files.existsSync(name),
    readFileSync: (name, options) => fontFiles.get(name)?.() ?? files.readFileSync(name, options),
    writeFileSync: (name, data) => files.writeFileSync(name, data),
  };
  pm.setUrlAccessPolicy(() => false);
  // guardReads already applies this rule to every read; telling pdfmake too stops it warning on every build that it has none.
  pm.localAccessPolicy = host.mayRead;
  return pm;
}

/**
 * pdfmake's font table: each face of the set under its family name. A face's files are read
 * when a document first draws with it, so a Danish kit never reads the Ethiopic face, and the
 * planner page needs only the faces its language draws with.
 */
function registerFonts(pm: PdfMake, set: FontSet): void {
  const table: Record<string, Record<string, string>> = {};
  for (const face of set.faces) {
    table[face.family] = Object.fromEntries(
      FONT_STYLES.map((style) => {
        const name = `fonts/${face.family}/${style}`;
        fontFiles.set(name, () => faceFile(face, style));
        return [style, name];
      }),
    );
  }
  pm.setFonts(table);
}

/**
 * The height of each content laid out alone, `width` points wide, on a page of unbounded
 * height: what pdfmake would make an "auto"-height page, without drawing a PDF (drawing
 * cost as much as laying out, and fitting throws the PDF away). The bottom of each page
 * is found as pdfmake finds it for "auto" pages, so a measured height is the height the
 * final PDF gives the same content.
 */
export function layoutHeights(contents: Array<Exclude<Content, string | unknown[]>>, width: number): number[] {
  const content = contents.map((c, i) => (i < contents.length - 1 ? { ...(c as object), pageBreak: 'after' } : c)) as Content;
  const pages = layOut(content, { width, height: Infinity }, { left: 0, top: 0, right: 0, bottom: 0 });
  if (pages.length !== contents.length) throw new Error(`measuring: expected ${contents.length} pages, got ${pages.length}`);
  return pages.map((page) => Math.max(0, ...page.items.map(({ type, item }) => bottom(type, item)).filter((b) => b === b)));
}

/**
 * How many pages `content` takes on pages of `page` (millimetres) with `margins` (millimetres:
 * top, right, bottom, left), laid out as a render lays it out, without drawing a PDF.
 */
export function layoutPageCount(content: Content[], page: { width: number; height: number }, margins: [number, number, number, number]): number {
  const [top, right, bottom, left] = margins.map(mm) as [number, number, number, number];
  // pdfmake moves nodes in place while laying out, so it lays out a copy.
  return layOut(structuredClone(content) as unknown as Content, { width: mm(page.width), height: mm(page.height) }, { left, top, right, bottom }).length;
}

/** Lays `content` out on pages of `size` (points) as a render would, without drawing. */
function layOut(content: Content, size: { width: number; height: number }, margins: { left: number; top: number; right: number; bottom: number }): LaidOutPage[] {
  const pm = engine();
  const { PDFDocument, LayoutBuilder, SVGMeasure, tableLayouts } = internals!;
  const doc = new PDFDocument(pm.fonts, {}, {}, {}, { size: [size.width, size.height], autoFirstPage: false, font: null, fontLayoutCache: true }, pm.virtualfs, undefined);
  const builder = new LayoutBuilder({ ...size, orientation: 'portrait' }, margins, new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  return builder.layoutDocument(withFontRuns(content), doc, {}, defaultStyle());
}

/** Where a laid-out item ends, as pdfmake reckons it for "auto" pages (NaN for shapes it does not reckon). */
function bottom(type: string, item: LaidOutPage['items'][number]['item']): number {
  if (typeof item.getHeight === 'function') return (item.y ?? 0) + item.getHeight();
  if (item._height) return (item.y ?? 0) + item._height;
  if (type !== 'vector') return item.y ?? 0;
  if (item.y1 !== undefined) return Math.max(item.y1, item.y2!);
  return (item.y ?? 0) + item.h!;
}
