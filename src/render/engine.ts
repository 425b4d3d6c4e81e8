import type { Content } from 'pdfmake/interfaces.js';
import { keptDeflate } from './kept-deflate.js';
import { guardReads, type FileReaders } from './read-policy.js';
import { keepRun, storedRun, type GlyphSource, type Run } from './engine-cache.js';
import { TURN_BEGIN, TURN_END, type TurnBegin } from './turn.js';
import { quickStyleLookup, type StyleContextStackClass } from './style-lookup.js';
import { uniqueSubsetTags } from './subset-tags.js';
import { packStructure } from './structure-streams.js';
import { markRendering, stampLayout, writeStructure, type LayoutClasses } from './tag-marking.js';
import type { Tag } from './tag-tree.js';
import { visualOrder, type BidiLine } from './bidi-lines.js';
import { BASE_DIRECTION } from './paragraph-direction.js';
import { runDirection, type Direction } from './run-direction.js';
import { pageLanguage } from '../i18n/page-language.js';

// The engine boundary. kernekit draws with pdfmake 0.3 and the pdfkit under it, and changes
// some of their behaviour by replacing methods of their classes. Every such change is
// applied here, by patchEngine, and every reach into their internals outside of it goes
// through the functions below; each was written against the exact files named in
// ENGINE_FILES, which test/engine-boundary.test.ts holds to the installed ones, so an
// upgrade of either library fails that test before it changes a PDF unseen.

/** The versions the patches were written against. */
export const ENGINE_VERSIONS = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

/**
 * The files whose internals the patches rely on (under node_modules), with their sha256.
 * pdfkit's two builds are the same code: Node loads the CommonJS one, the bundles the module.
 */
export const ENGINE_FILES: Record<string, string> = {
  'pdfmake/js/Renderer.js': '23e76f678fa202cf4ddc1ac8b286822d3a91d3b0a3771a363056ca563fa2d443',
  'pdfmake/js/LayoutBuilder.js': '598afaa7ca4a48a54799714351cc0c909ec86d88798c4d1dedf9d2f73f7569b8',
  'pdfmake/js/ElementWriter.js': '3a2e46a97588cfa4ca3ed32a2220e8d75dc73a3fb0177ee36a2b2492fa536fbe',
  'pdfmake/js/PageElementWriter.js': '0a5050bb83f5d1dd4807548de4e090bb8b8511be8ef2173115a2c8ba43e4f036',
  'pdfmake/js/PDFDocument.js': '33830dc64c9dfc985700e434f8641c0451f1d8bf8325fa753073bd31babda8f3',
  'pdfmake/js/StyleContextStack.js': '618e1825a4ef4fafd448800541c68b8282ca56975bea44f613eefbaa966405dc',
  'pdfkit/js/pdfkit.js': 'be0ae23a604e8a0251d19ddf1329dd214a0a0a334e3a2590db13dd57f06d2d1e',
  'pdfkit/js/pdfkit.es.js': 'b76e3683965e8df759a75ed96f8e8c3f965f9e7c256d4febb14e0c1c11e0a6e6',
};

/** pdfmake's classes as kernekit uses them (pdfmake 0.3's own, as its Printer uses them; its published types describe 0.2). */
export interface Internals {
  PDFDocument: {
    new (fonts: object, images: object, patterns: object, attachments: object, options: object, virtualfs: unknown, localAccessPolicy: unknown): unknown;
    prototype: { provideFont(...args: unknown[]): EmbeddedFont; ref(...args: unknown[]): object } & FileReaders;
  };
  LayoutBuilder: LayoutClasses['LayoutBuilder'] &
    (new (pageSize: object, margins: object, svgMeasure: unknown) => {
      registerTableLayouts(layouts: object): void;
      layoutDocument(content: Content, doc: unknown, styles: object, defaultStyle: object): LaidOutPage[];
    });
  ElementWriter: LayoutClasses['ElementWriter'];
  PageElementWriter: LayoutClasses['PageElementWriter'];
  SVGMeasure: new () => unknown;
  tableLayouts: object;
  Renderer: { prototype: { renderVector(this: unknown, vector: { type: string }): void } } & Parameters<typeof guardReads>[1] & Parameters<typeof markRendering>[0];
  StyleContextStack: StyleContextStackClass;
}

export interface LaidOutPage {
  items: Array<{ type: string; item: { y?: number; y1?: number; y2?: number; h?: number; _height?: number; getHeight?(): number } }>;
}

/** Every change kernekit makes to pdfmake and pdfkit, applied once to the classes of `internals`. */
export function patchEngine(internals: Internals): void {
  shareLayoutCache(internals.PDFDocument);
  guardReads(internals.PDFDocument, internals.Renderer);
  renderTurns(internals.Renderer);
  deflateInJavaScript(internals.PDFDocument);
  quickStyleLookup(internals.StyleContextStack);
  orderLinesVisually(internals);
  listsFromTheRight(internals.LayoutBuilder);
  contentsFromTheRight(internals.LayoutBuilder);
  // Tagging wraps the drawing above (turns included), so it runs around all of it.
  stampLayout(internals);
  markRendering(internals.Renderer);
}

/** The pdfkit document pdfmake rendered into, before it is ended: its buffered pages. */
export interface RenderedDocument {
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): void;
  page: { height: number; width: number; dictionary: { data: Record<string, unknown> } };
}

/** Sets entries of each page's dictionary (a box, a /Rotate); `entries(i, pageHeight)` says which for page i, or nothing. */
export function setPageEntries(doc: RenderedDocument, entries: (page: number, height: number) => Record<string, unknown> | undefined): number {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const set = entries(i, doc.page.height);
    if (set) Object.assign(doc.page.dictionary.data, set);
  }
  return range.count;
}

/** Writes the structure tree of a tagged document once its pages are drawn (tag-marking.ts). */
export const writeTags = (doc: RenderedDocument, root: Tag): void => writeStructure(doc as never, root);

/**
 * The finished file's bytes, as kernekit writes them: pdfkit's output with its font subsets
 * renamed (subset-tags.ts), then its structure elements packed (structure-streams.ts).
 */
export const finishedBytes = (pdf: Buffer): Buffer => packStructure(uniqueSubsetTags(pdf));

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
 * with pako (kept-deflate.ts), before pdfkit would, so a PDF is the same bytes wherever it is
 * made. pdfkit has already marked the stream /FlateDecode when it was written.
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
          this.buffer = [Buffer.from(keptDeflate(data))];
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
    shapeInEachRunsDirection(embedded.font as unknown as ShapingFont);
    if (embedded.layoutCache) {
      let shared = caches.get(embedded.font);
      if (!shared) caches.set(embedded.font, (shared = embedded.layoutCache));
      embedded.layoutCache = shared;
      keepRunsOnDisk(Object.getPrototypeOf(embedded) as { layoutRun: LayoutRun });
      wordsWithoutCopies(Object.getPrototypeOf(embedded) as WordLayout);
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
    const direction = runDirection(text);
    const inOrder = (run: Run) => (direction === 'rtl' ? lettersBackwards(run) : run);
    // Runs with explicit OpenType features are not cached by pdfkit either.
    if (features) return inOrder(layoutRun.call(this, text, features));
    const known = storedRun(this.font, text, direction);
    if (known) return inOrder(known);
    const run = layoutRun.call(this, text);
    keepRun(this.font, text, direction, run);
    return inOrder(run);
  };
}

interface WordLayout {
  layout(this: WordLayout, text: string, features?: unknown, onlyWidth?: boolean): { glyphs: Run['glyphs'] | null; positions: Run['positions'] | null; advanceWidth: number };
  layoutRun(text: string, features?: unknown): Run;
  layoutCached(text: string): Run;
}

const wordByWord = new WeakSet<object>();

/**
 * pdfkit's EmbeddedFont.layout (pdfkit.js), which measures and encodes every text pdfmake
 * draws: the text is cut after each space or tab and each word shaped once (layoutCached).
 * pdfkit made an array to test every character against and copied all the glyphs gathered so
 * far for each word; here the same words give the same glyphs, positions and width without.
 */
function wordsWithoutCopies(embeddedFont: WordLayout): void {
  if (wordByWord.has(embeddedFont)) return;
  wordByWord.add(embeddedFont);
  embeddedFont.layout = function (text, features, onlyWidth) {
    if (features) return this.layoutRun(text, features);
    const glyphs: Run['glyphs'] | null = onlyWidth ? null : [];
    const positions: Run['positions'] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    const word = (from: number, to: number) => {
      const run = this.layoutCached(text.slice(from, to));
      if (glyphs && positions) {
        for (const glyph of run.glyphs) glyphs.push(glyph);
        for (const position of run.positions) positions.push(position);
      }
      advanceWidth += run.advanceWidth;
    };
    // Each word with the space or tab after it, then what follows the last one.
    let last = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0x09) {
        word(last, i + 1);
        last = i + 1;
      }
    }
    if (last < text.length) word(last, text.length);
    return { glyphs, positions, advanceWidth };
  };
}

interface ShapingFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: Direction): unknown;
}

const directed = new WeakSet<object>();

/**
 * fontkit shapes a text in its script's direction (Arabic digits "۶۳" right to left, so
 * reversed) unless told; it is told the direction of the run (run-direction.ts), which is
 * the run's level in the line. A left-to-right text is shaped as before: left to right.
 */
function shapeInEachRunsDirection(font: ShapingFont): void {
  if (directed.has(font)) return;
  directed.add(font);
  const layout = font.layout;
  font.layout = function (this: ShapingFont, text, features, script, language, direction) {
    return layout.call(this, text, features, script, language, direction ?? runDirection(text));
  };
}

type Glyph = Run['glyphs'][number];
const backwards = new WeakMap<Glyph, Glyph>();

/**
 * A reader takes a right-to-left run's text from its glyphs in the order they are drawn and
 * reverses it. A ligature (لا, لى) stands for several letters, which would then come out
 * backwards ("عىل" for "على"), so in a right-to-left run a ligature is drawn as a glyph that
 * names its letters in reverse: one such glyph per glyph of the font, whether the run was
 * shaped now or read from the engine cache (which keeps the letters in their order).
 */
function lettersBackwards(run: Run): Run {
  if (!run.glyphs.some((glyph) => glyph.codePoints.length > 1)) return run;
  const glyphs = run.glyphs.map((glyph) => {
    if (glyph.codePoints.length < 2) return glyph;
    let reversed = backwards.get(glyph);
    if (!reversed) backwards.set(glyph, (reversed = Object.create(glyph, { codePoints: { value: [...glyph.codePoints].reverse() } }) as Glyph));
    return reversed;
  });
  // A fontkit run's advanceWidth is a getter of its class: the run is rebuilt, not spread.
  return { glyphs, positions: run.positions, advanceWidth: run.advanceWidth };
}

/** The property of a pdfmake line that holds its paragraph's base direction until the line is ordered. */
const LINE_BASE = Symbol('base direction');

type OrderedLine = BidiLine & { [LINE_BASE]?: Direction };

/**
 * A line is built in logical order and put in visual order (bidi-lines.ts) when it is placed,
 * just before pdfmake aligns it: a line that does not fit on a page is built once but placed
 * on the next. Its paragraph's base direction is its node's (paragraph-direction.ts), else its
 * document's language's.
 */
function orderLinesVisually({ LayoutBuilder, ElementWriter }: Pick<Internals, 'LayoutBuilder' | 'ElementWriter'>): void {
  const build = LayoutBuilder.prototype.buildNextLine!;
  LayoutBuilder.prototype.buildNextLine = function (this: unknown, ...args: unknown[]) {
    const line = build.apply(this, args) as OrderedLine | null;
    const node = args[0] as { [BASE_DIRECTION]?: Direction };
    if (line) line[LINE_BASE] = node[BASE_DIRECTION] ?? documentDirection(this);
    return line;
  };
  const align = ElementWriter.prototype.alignLine!;
  ElementWriter.prototype.alignLine = function (this: unknown, ...args: unknown[]) {
    const line = args[0] as OrderedLine;
    const base = line[LINE_BASE];
    if (base) {
      delete line[LINE_BASE];
      visualOrder(line, base);
    }
    return align.apply(this, args);
  };
}

/** The direction of the document a LayoutBuilder lays out: its language's. */
const documentDirection = (builder: unknown): Direction =>
  pageLanguage((builder as { docMeasure: { pdfDocument: { options: { lang?: string } } } }).docMeasure.pdfDocument.options.lang ?? '').dir;

interface ListBuilder {
  writer: {
    context(): { availableWidth: number; addMargin(left: number, right?: number): void };
    addListener(event: string, listener: (line: BidiLine) => void): void;
    removeListener(event: string, listener: (line: BidiLine) => void): void;
    addVector(vector: Vector): void;
    addLine(line: unknown, dontUpdateContextPosition: boolean): void;
  };
  processNode(node: unknown): void;
}

interface Vector {
  x: number;
  w?: number;
}

interface ListMarker {
  canvas?: Vector[];
  _inlines?: Array<{ width: number }>;
  _minWidth: number;
}

interface ListItem {
  listMarker?: ListMarker;
  positions: unknown[];
}

/**
 * pdfmake's processList (LayoutBuilder.js) mirrored for a right-to-left document: the gap for
 * the bullets on the right of the items, and each bullet right of its item's first line, as
 * far from the text as pdfmake sets it on the left. A left-to-right document's list is
 * pdfmake's own. x of a bullet's shape is taken from where pdfmake put it, once.
 */
function listsFromTheRight(LayoutBuilder: Internals['LayoutBuilder']): void {
  const processList = LayoutBuilder.prototype.processList!;
  const placed = new WeakMap<Vector, number>();
  LayoutBuilder.prototype.processList = function (this: unknown, ...args: unknown[]) {
    if (documentDirection(this) === 'ltr') return processList.apply(this, args);
    const builder = this as ListBuilder;
    const [ordered, node] = args as [boolean, { ul?: ListItem[]; ol?: ListItem[]; _gapSize: { width: number }; positions: unknown[] }];
    const gap = node._gapSize.width;
    let next: ListMarker | undefined;
    const addMarker = (line: BidiLine) => {
      const marker = next;
      next = undefined;
      if (!marker) return;
      // Left to right, a bullet spans [x - gap, x - gap + w] of its item at x; mirrored, [width + gap - x - w].
      const width = builder.writer.context().availableWidth;
      const vector = marker.canvas?.[0];
      if (vector) {
        if (!placed.has(vector)) placed.set(vector, vector.x);
        vector.x = width + gap - placed.get(vector)! - (vector.w ?? 0);
        builder.writer.addVector(vector);
      } else if (marker._inlines?.[0]) {
        const label = new (line.constructor as new (width: number) => BidiLine & { x: number; y: number; addInline(inline: unknown): void; getAscenderHeight(): number })(Infinity);
        label.addInline(marker._inlines[0]);
        label.x = width + gap - marker._inlines[0].width;
        label.y = (line as unknown as { getAscenderHeight(): number }).getAscenderHeight() - label.getAscenderHeight();
        builder.writer.addLine(label, true);
      }
    };
    builder.writer.context().addMargin(0, gap);
    builder.writer.addListener('lineAdded', addMarker);
    for (const item of (ordered ? node.ol : node.ul) ?? []) {
      next = item.listMarker;
      builder.processNode(item);
      node.positions.push(...item.positions);
    }
    builder.writer.removeListener('lineAdded', addMarker);
    builder.writer.context().addMargin(0, -gap);
  };
}

interface TocNode {
  toc: {
    _items?: Array<{ _textNodeRef: { [BASE_DIRECTION]?: Direction } }>;
    _table?: { table: { widths: unknown[]; body: Array<Array<{ _inlines?: Array<{ alignment?: string }> }>> } };
  };
}

const OPPOSITE: Record<string, string> = { left: 'right', right: 'left' };

/**
 * pdfmake's table of contents (made and measured in DocMeasure.js, laid out by processToc)
 * mirrored for a right-to-left document, as mirror-layout.ts mirrors the layouts' own tables:
 * each entry's title on the right, its page number on the left, aligned to their sides. An
 * entry keeps its heading's paragraph direction (a Danish fallback title stays left to right,
 * its question mark at its end). The table is mirrored once, where it is first laid out.
 */
function contentsFromTheRight(LayoutBuilder: Internals['LayoutBuilder']): void {
  const processToc = LayoutBuilder.prototype.processToc!;
  const mirrored = new WeakSet<object>();
  LayoutBuilder.prototype.processToc = function (this: unknown, ...args: unknown[]) {
    const { toc } = args[0] as TocNode;
    const table = toc._table?.table;
    if (table && !mirrored.has(table) && documentDirection(this) === 'rtl') {
      mirrored.add(table);
      table.body.forEach((row, i) => {
        const direction = toc._items?.[i]?._textNodeRef[BASE_DIRECTION];
        if (direction) Object.defineProperty(row[0], BASE_DIRECTION, { value: direction, writable: true, configurable: true, enumerable: false });
        for (const cell of row) for (const inline of cell._inlines ?? []) inline.alignment = OPPOSITE[inline.alignment ?? ''] ?? inline.alignment;
        row.reverse();
      });
      table.widths.reverse();
    }
    return processToc.apply(this, args);
  };
}
