import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { keepNewest, removeOtherVersions } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { packageVersion } from '../package-version.js';
import { PREVIEW_WIDTH } from '../writers/preview-png.js';

/**
 * Thumbnails drawn before, kept in the cache folder by their PDF's sha256: a thumbnail is a
 * function of the PDF's bytes and of what draws it (pdf.js, the canvas, the width), which
 * name the folder. A build whose PDF did not change takes its thumbnail from here, and
 * pdf.js is loaded only when one is missing.
 */

/** Thumbnails the folder keeps (about 15 kB each): a kit in ten languages has 90. */
export const MAX_PREVIEWS = 1000;

let folder: string | null | undefined;

function previewFolder(): string | null {
  if (folder !== undefined) return folder;
  const dir = cacheDir();
  try {
    const drawer = `pdfjs-dist@${packageVersion('pdfjs-dist')} @napi-rs/canvas@${packageVersion('@napi-rs/canvas')} ${PREVIEW_WIDTH}px`;
    folder = dir && join(dir, `previews-${createHash('sha256').update(drawer).digest('hex').slice(0, 16)}`);
  } catch {
    // pdf.js or the canvas is not installed: no thumbnails to keep.
    folder = null;
  }
  return folder;
}

/** The thumbnail of the PDF with this sha256, if one was drawn before and its file is whole. */
export function storedPreview(pdfSha256: string): Buffer | undefined {
  const dir = previewFolder();
  return dir ? readChecked(join(dir, `${pdfSha256}.png`)) : undefined;
}

export function keepPreview(pdfSha256: string, png: Buffer): void {
  const dir = previewFolder();
  if (!dir) return;
  writeChecked(join(dir, `${pdfSha256}.png`), png);
  // Thumbnails of other pdf.js or canvas versions go, and the oldest beyond MAX_PREVIEWS.
  removeOtherVersions(dirname(dir), basename(dir), (name) => /^previews-[0-9a-f]{16}$/.test(name));
  keepNewest(dir, MAX_PREVIEWS);
}
