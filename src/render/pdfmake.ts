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
  pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
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
