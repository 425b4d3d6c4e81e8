import { resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_DIR, FONT_FAMILY, FONT_FILES, fontBytes } from './fonts.js';

/** The part of pdfmake 0.3's server API that kernekit uses (its published types describe 0.2). */
export interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(def: TDocumentDefinitions, options?: { bufferPages?: boolean }): OutputDocument;
}

export interface OutputDocument {
  getStream(): Promise<unknown>;
  getBuffer(): Promise<Buffer>;
}

let pdfmake: PdfMake | undefined;
const allowedRoots = new Set<string>([resolve(FONT_DIR)]);

/** Lets pdfmake read files below `dir` (the kit's asset folders); nothing else on disk. */
export function allowAssetFolder(dir: string): void {
  allowedRoots.add(resolve(dir));
}

/**
 * The configured pdfmake singleton: fonts from memory, every URL refused, and local
 * files only from the font and asset folders, so a layout cannot make pdfmake fetch or
 * read anything else.
 */
export function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  // Loaded on first use: commands that render nothing (validate, list) never pay for pdfmake.
  const require = createRequire(import.meta.url);
  shareParsedFonts(require);
  pdfmake = require('pdfmake') as PdfMake;
  shareLayoutCache(require);
  const vfsNames: Record<string, string> = {};
  for (const [style, bytes] of fontBytes()) {
    const name = `fonts/${FONT_FILES[style]}`;
    pdfmake.virtualfs.writeFileSync(name, bytes);
    vfsNames[style] = name;
  }
  pdfmake.setFonts({ [FONT_FAMILY]: vfsNames });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => {
    const full = resolve(path);
    return [...allowedRoots].some((root) => full === root || full.startsWith(root + sep));
  });
  return pdfmake;
}

interface FontkitModule {
  create(src: Uint8Array, family?: string): unknown;
}

/**
 * pdfkit parses every font anew for every document (and the fitter makes several
 * documents per PDF). The kit's fonts are the same Buffer objects every time, so the
 * parsed font, with its glyph and layout caches, is kept and handed out again. Parsed
 * fonts are only read from, so sharing them cannot change a PDF.
 */
function shareParsedFonts(require: NodeJS.Require): void {
  const fontkit = require('fontkit') as FontkitModule;
  const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
  const create = (src: Uint8Array, family?: string) => {
    let byFamily = parsed.get(src);
    if (!byFamily) parsed.set(src, (byFamily = new Map()));
    const key = family ?? '';
    if (!byFamily.has(key)) byFamily.set(key, fontkit.create(src, family));
    return byFamily.get(key);
  };
  // fontkit's exports are read-only getters, so pdfkit (loaded next) is handed a copy with this create().
  require.cache[require.resolve('fontkit')]!.exports = { ...fontkit, create };
}

interface EmbeddedFont {
  font: object;
  layoutCache?: Record<string, unknown>;
}

/**
 * pdfkit caches how each word is shaped, but per document. With the parsed font shared,
 * that cache can be shared too (its entries depend only on the font and the text), so a
 * word shaped while fitting is not shaped again for the final PDF.
 */
function shareLayoutCache(require: NodeJS.Require): void {
  const { default: PDFDocument } = require('pdfmake/js/PDFDocument') as { default: { prototype: { provideFont(...args: unknown[]): EmbeddedFont } } };
  const caches = new WeakMap<object, Record<string, unknown>>();
  const provideFont = PDFDocument.prototype.provideFont;
  PDFDocument.prototype.provideFont = function (this: unknown, ...args: unknown[]) {
    const embedded = provideFont.apply(this, args);
    if (embedded.layoutCache) {
      let shared = caches.get(embedded.font);
      if (!shared) caches.set(embedded.font, (shared = embedded.layoutCache));
      embedded.layoutCache = shared;
    }
    return embedded;
  };
}
