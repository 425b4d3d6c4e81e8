import type { FontSource } from '../render/fonts.js';

/** One language's hyphenation, as hyphen's modules export it: the function and the patterns it runs on. */
export interface HyphenPatterns {
  /** Hyphenates a text, marking each break with `hyphenChar`. */
  hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string;
  patterns: unknown;
}

/** linebreak's class: a text's line-break opportunities, one by one, then null. */
export type LineBreakerClass = new (text: string) => { nextBreak(): { position: number; required: boolean } | null };

/** The engine cache's file (see render/engine-cache.ts): what was saved, and a way to replace it. */
export interface EngineCacheFile {
  /** The engine it belongs to (engine-key.ts): a file of another engine is not used. */
  engine: string;
  read(): string | undefined;
  write(text: string): void;
}

/** The modules of pdfmake 0.3 that kernekit builds its engine from (its own singletons are not used). */
export interface PdfmakeModules {
  /** pdfmake's platform-free base class: createPdf, fonts, virtual file system, access policies. */
  Base: new () => unknown;
  OutputDocument: new (pdfDocumentPromise: Promise<unknown>) => unknown;
  PDFDocument: unknown;
  LayoutBuilder: unknown;
  /** What pdfmake's layout writes page items with (tag-marking.ts stamps them). */
  ElementWriter: unknown;
  PageElementWriter: unknown;
  SVGMeasure: unknown;
  tableLayouts: object;
  Renderer: unknown;
  StyleContextStack: unknown;
}

/**
 * Everything composing and rendering a guide or a deck takes from its surroundings. The
 * command line fills it from disk (host.ts); the planner page in a browser fills it from the
 * data embedded in the published folder (host-browser.ts), and the browser bundle is built
 * with that file in place of host.ts. Everything else is one code path, so both make the
 * same bytes.
 */
export interface Host {
  /** A font file's bytes, the same object each time it is asked for (parsed fonts are kept by it). */
  font(source: FontSource): Uint8Array;
  /** A layout's Handlebars source, or undefined when there is no such layout. */
  layoutSource(file: string): string | undefined;
  /**
   * A language's hyphenation (by its primary subtag, `da`), or undefined when there are no
   * patterns for it. Its one caller, render/hyphenate.ts, keeps what it gets.
   */
  hyphenation(language: string): HyphenPatterns | undefined;
  sha256(data: string | Uint8Array): Uint8Array;
  /** The engine cache's file, or null where there is none. */
  engineCache(): EngineCacheFile | null;
  /** Handlebars and JSON5, which run the layouts. */
  handlebars(): unknown;
  json5(): unknown;
  /** linebreak's breaker (UAX #14), the one pdfmake breaks its lines with (render/line-breaks.ts). */
  lineBreaker(): LineBreakerClass;
  /** fontkit, for kernekit's own measuring and (through parseFont) for pdfkit. */
  fontkit(): { create(src: Uint8Array, postscriptName?: string): unknown };
  /** pdfmake's modules, loaded on first use; the pdfkit inside parses fonts with `parseFont` instead of fontkit.create. */
  pdfmake(parseFont: (src: Uint8Array, postscriptName?: string) => unknown): PdfmakeModules;
  /** Whether rendering may read this file from disk (a font's path); see read-policy.ts. */
  mayRead(path: string): boolean;
  /**
   * Text worked out from other text (what Handlebars writes for a layout), named by `key` in
   * `folder`: the one kept from an earlier run where the host keeps such text, else make()'s.
   */
  kept(folder: string, key: string, make: () => string): string;
  /**
   * Bytes the engine works out (a compressed stream, a font subset), named by `key()` within
   * `folder`: the ones kept from an earlier run where the host keeps them for this engine
   * (the command line: in the cache folder), else make()'s.
   */
  engineKept(folder: string, key: () => string, make: () => Uint8Array): Uint8Array;
}
