import { resolve, sep } from 'node:path';
import { FONT_DIR } from './fonts.js';

/**
 * The one rule for files that rendering may read from disk: those below kernekit's font
 * folder. Everything else a document shows arrives as data (fonts from memory, the logo as
 * bytes), so a layout, or an SVG inside one, cannot make a PDF carry some other file.
 */
export function mayRead(path: string): boolean {
  const full = resolve(path);
  const root = resolve(FONT_DIR);
  return full.startsWith(root + sep);
}

/** The methods of pdfmake's PDFDocument (a pdfkit document) that read files. */
export interface FileReaders {
  validateLocalFile(path: unknown): void;
  openImage(src: unknown): unknown;
  font(src: unknown, ...rest: unknown[]): unknown;
  _registeredFonts?: Record<string, unknown>;
}

/**
 * pdfmake checks its own `image:` and `font:` paths against the policy, but pdfkit's
 * openImage and font, which SVG drawing calls directly (`<image href="/any/file.png">`), read
 * any path. Both go through pdfmake's check here, so every way to a file passes the same rule.
 */
export function guardReads(PDFDocument: { prototype: FileReaders }): void {
  const proto = PDFDocument.prototype;
  const { openImage, font } = proto;
  proto.openImage = function (this: FileReaders, src: unknown) {
    this.validateLocalFile(src);
    return openImage.call(this, src);
  };
  proto.font = function (this: FileReaders, src: unknown, ...rest: unknown[]) {
    // A registered font and pdfkit's built-in ones (Helvetica …) are names, not paths.
    if (typeof src === 'string' && !this._registeredFonts?.[src] && !STANDARD_FONTS.has(src)) this.validateLocalFile(src);
    return font.call(this, src, ...rest);
  };
}

/** pdfkit's 14 standard PDF fonts, which it reads from its own package. */
const STANDARD_FONTS = new Set([
  'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique',
  'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique',
  'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic',
  'Symbol', 'ZapfDingbats',
]);
