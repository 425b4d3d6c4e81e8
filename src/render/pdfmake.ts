import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { deflate } from 'pako';
import { host } from '../host/host.js';
import { digestName } from '../host/digest-name.js';
import { DEFAULT_STYLE, FONT_FAMILY, FONT_FILES } from './fonts.js';
import { guardReads, type FileReaders } from './read-policy.js';
import { parseFont } from './parsed-fonts.js';
import { keepRun, storedRun, type GlyphSource, type Run } from './engine-cache.js';
import { TURN_BEGIN, TURN_END, type TurnBegin } from './turn.js';
import { quickStyleLookup, type StyleContextStackClass } from './style-lookup.js';

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
  shareLayoutCache(internals.PDFDocument);
  guardReads(internals.PDFDocument, internals.Renderer);
  renderTurns(internals.Renderer);
  deflateInJavaScript(internals.PDFDocument);
  quickStyleLookup(internals.StyleContextStack);
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

/** Below this, compressing costs less than reading a kept file. */
const KEPT_STREAM = 4096;

interface Reference {
  compress: boolean;
  buffer: Array<Uint8Array | string>;
  data: { Length?: number; Filter?: string };
  uncompressedLength: number;
  write(chunk: Uint8Array | string): void;
  finalize(): void;
}

/**
 * pdfkit compresses each stream with Node's zlib, whose bytes differ from any deflate a
 * browser can run (the same data, other choices of matches). Streams are compressed here,
 * with pako, before pdfkit would, so a PDF is the same bytes wherever it is made. pdfkit
 * has already marked the stream /FlateDecode when it was written. pako running cold in a
 * fresh process takes 0.1–0.2 s over a deck's font subsets, so streams of KEPT_STREAM bytes
 * or more are kept by the host (the command line: by their sha256 in the cache folder).
 */
function deflateInJavaScript(PDFDocument: Internals['PDFDocument']): void {
  const patched = new WeakSet<object>();
  const ref = PDFDocument.prototype.ref;
  PDFDocument.prototype.ref = function (this: unknown, ...args: unknown[]) {
    const made = ref.apply(this, args);
    const proto = Object.getPrototypeOf(made) as Reference;
    if (!patched.has(proto)) {
      patched.add(proto);
      keepTextUntilTheEnd(proto);
      const finalize = proto.finalize;
      proto.finalize = function (this: Reference) {
        this.buffer = this.buffer.length > 0 ? [bytesOf(this.buffer)] : [];
        if (this.compress && this.buffer.length > 0) {
          const data = this.buffer[0] as Uint8Array;
          this.buffer = [Buffer.from(data.length < KEPT_STREAM ? deflate(data) : host.engineKept('streams', () => `${digestName(data)}.z`, () => deflate(data)))];
          this.compress = false;
        }
        finalize.call(this);
      };
    }
    return made;
  };
}

/**
 * pdfkit makes a Buffer of each line of drawing operators as it is written (thousands a page);
 * in a browser each is an allocation through a JavaScript Buffer, a tenth of a PDF's time.
 * The lines are kept as text and made bytes once when the stream ends, as pdfkit would make
 * them ('binary': one byte a character), with the same lengths counted as they come.
 */
function keepTextUntilTheEnd(proto: Reference): void {
  const write = proto.write;
  proto.write = function (this: Reference, chunk: Uint8Array | string) {
    if (typeof chunk !== 'string') return write.call(this, chunk);
    const line = `${chunk}\n`;
    this.uncompressedLength += line.length;
    this.data.Length = (this.data.Length ?? 0) + line.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
    this.buffer.push(line);
  };
}

/** A stream's parts as one run of bytes, each run of text converted at once. */
function bytesOf(parts: Array<Uint8Array | string>): Uint8Array {
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  const chunks: Uint8Array[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (text) chunks.push(Buffer.from(text, 'latin1'));
    text = '';
    chunks.push(part);
  }
  if (text) chunks.push(Buffer.from(text, 'latin1'));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

interface EmbeddedFont {
  font: GlyphSource;
  layoutCache?: Record<string, unknown>;
}

type LayoutRun = (this: EmbeddedFont, text: string, features?: unknown) => Run;

/** Draws kernekit's turn markers (see turn.ts); every other vector as pdfmake does. */
function renderTurns(Renderer: Internals['Renderer']): void {
  const renderVector = Renderer.prototype.renderVector;
  Renderer.prototype.renderVector = function (this: { pdfDocument: TurningDocument }, vector: { type: string }) {
    if (vector.type === TURN_BEGIN) {
      const turn = vector as TurnBegin;
      this.pdfDocument.save();
      this.pdfDocument.rotate(turn.angle, { origin: [turn.x, turn.y] });
    } else if (vector.type === TURN_END) {
      this.pdfDocument.restore();
    } else {
      renderVector.call(this, vector);
    }
  };
}

interface TurningDocument {
  save(): void;
  restore(): void;
  rotate(angle: number, options: { origin: [number, number] }): void;
}

/**
 * pdfkit caches how each word is shaped, but per document. With the parsed font shared,
 * that cache can be shared too (its entries depend only on the font and the text), so a
 * word shaped while fitting is not shaped again for the final PDF.
 */
function shareLayoutCache(PDFDocument: Internals['PDFDocument']): void {
  const caches = new WeakMap<object, Record<string, unknown>>();
  const provideFont = PDFDocument.prototype.provideFont;
  PDFDocument.prototype.provideFont = function (this: unknown, ...args: unknown[]) {
    const embedded = provideFont.apply(this, args);
    if (embedded.layoutCache) {
      let shared = caches.get(embedded.font);
      if (!shared) caches.set(embedded.font, (shared = embedded.layoutCache));
      embedded.layoutCache = shared;
      keepRunsOnDisk(Object.getPrototypeOf(embedded) as { layoutRun: LayoutRun });
    }
    return embedded;
  };
}

const withDiskRuns = new WeakSet<object>();

/**
 * pdfkit shapes each word it has not met in this process with fontkit; shaped words are
 * also kept in the engine cache on disk, so the next process does not shape them again.
 */
function keepRunsOnDisk(embeddedFont: { layoutRun: LayoutRun }): void {
  if (withDiskRuns.has(embeddedFont)) return;
  withDiskRuns.add(embeddedFont);
  const layoutRun = embeddedFont.layoutRun;
  embeddedFont.layoutRun = function (this: EmbeddedFont, text: string, features?: unknown) {
    // Runs with explicit OpenType features are not cached by pdfkit either.
    if (features) return layoutRun.call(this, text, features);
    const known = storedRun(this.font, text);
    if (known) return known;
    const run = layoutRun.call(this, text);
    keepRun(this.font, text, run);
    return run;
  };
}

/** pdfmake's layout stage, used without its renderer (pdfmake 0.3's own classes, as its Printer uses them). */
interface Internals {
  PDFDocument: {
    new (fonts: object, images: object, patterns: object, attachments: object, options: object, virtualfs: unknown, localAccessPolicy: unknown): unknown;
    prototype: { provideFont(...args: unknown[]): EmbeddedFont; ref(...args: unknown[]): object } & FileReaders;
  };
  LayoutBuilder: new (pageSize: object, margins: object, svgMeasure: unknown) => {
    registerTableLayouts(layouts: object): void;
    layoutDocument(content: Content, doc: unknown, styles: object, defaultStyle: object): LaidOutPage[];
  };
  SVGMeasure: new () => unknown;
  tableLayouts: object;
  Renderer: { prototype: { renderVector(this: unknown, vector: { type: string }): void } } & Parameters<typeof guardReads>[1];
  StyleContextStack: StyleContextStackClass;
}

interface LaidOutPage {
  items: Array<{ type: string; item: { y?: number; y1?: number; y2?: number; h?: number; _height?: number; getHeight?(): number } }>;
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

/** Where a laid-out item ends, as pdfmake reckons it for "auto" pages (NaN for shapes it does not reckon). */
function bottom(type: string, item: LaidOutPage['items'][number]['item']): number {
  if (typeof item.getHeight === 'function') return (item.y ?? 0) + item.getHeight();
  if (item._height) return (item.y ?? 0) + item._height;
  if (type !== 'vector') return item.y ?? 0;
  if (item.y1 !== undefined) return Math.max(item.y1, item.y2!);
  return (item.y ?? 0) + item.h!;
}
