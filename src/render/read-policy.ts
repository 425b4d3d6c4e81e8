import { ReadRefusedError } from '../errors.js';
import { host } from '../host/host.js';

// The one rule for files that rendering may read from disk is the host's mayRead: on the
// command line, those below kernekit's font folder; in a browser, none. Everything else a
// document shows arrives as data (fonts from memory, the logo as bytes), so a layout, or an
// SVG inside one, cannot make a PDF carry some other file.

/** The methods of pdfmake's PDFDocument (a pdfkit document) that read files. */
export interface FileReaders {
  validateLocalFile(path: unknown): void;
  openImage(src: unknown): unknown;
  font(src: unknown, ...rest: unknown[]): unknown;
  _registeredFonts?: Record<string, unknown>;
  /** The first read this document refused. */
  refusedRead?: ReadRefusedError;
}

interface SvgRenderer {
  prototype: { renderSVG(svg: unknown): void; pdfDocument: FileReaders };
}

/**
 * pdfmake checks its own `image:` and `font:` paths (validateLocalFile), but pdfkit's
 * openImage and font, which SVG drawing calls directly (`<image href="/any/file.png">`), read
 * any path. All three now apply the same rule. SVG drawing turns a failed image into a
 * console warning and draws on, so a refusal there is raised once the SVG is drawn.
 */
export function guardReads(PDFDocument: { prototype: FileReaders }, Renderer: SvgRenderer): void {
  const proto = PDFDocument.prototype;
  const { openImage, font } = proto;
  proto.validateLocalFile = function (this: FileReaders, path: unknown) {
    if (typeof path === 'string' && !path.startsWith('data:') && !host.mayRead(path)) throw (this.refusedRead ??= new ReadRefusedError(path));
  };
  proto.openImage = function (this: FileReaders, src: unknown) {
    this.validateLocalFile(src);
    return openImage.call(this, src);
  };
  proto.font = function (this: FileReaders, src: unknown, ...rest: unknown[]) {
    // A registered font and pdfkit's built-in ones (Helvetica …) are names, not paths.
    if (typeof src === 'string' && !this._registeredFonts?.[src] && !STANDARD_FONTS.has(src)) this.validateLocalFile(src);
    return font.call(this, src, ...rest);
  };
  const { renderSVG } = Renderer.prototype;
  Renderer.prototype.renderSVG = function (this: SvgRenderer['prototype'], svg: unknown) {
    renderSVG.call(this, svg);
    if (this.pdfDocument.refusedRead) throw this.pdfDocument.refusedRead;
  };
}

/** pdfkit's 14 standard PDF fonts, which it reads from its own package. */
const STANDARD_FONTS = new Set([
  'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique',
  'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique',
  'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic',
  'Symbol', 'ZapfDingbats',
]);
