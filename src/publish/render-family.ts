import type { Family, BuildOptions } from '../documents/family.js';
import type { Localization } from '../i18n/translator.js';
import { renderPdf } from '../render/render.js';

/** One rendered PDF. */
export interface RenderedDoc {
  file: string;
  title: string;
  pages: number;
  pdf: Buffer;
  /** Milliseconds spent composing (shared by a family's documents: counted on the first) and rendering it. */
  ms: number;
}

/**
 * Composes a family and renders the documents in `wanted` (the others are up to date).
 * The same code runs on the main thread and in a worker, so output cannot depend on where.
 */
export async function renderFamily(family: Family, loc: Localization, options: BuildOptions, wanted: ReadonlySet<string>): Promise<RenderedDoc[]> {
  loc.checkGlyphs();
  let started = performance.now();
  const out: RenderedDoc[] = [];
  for (const doc of family.compose(loc, options)) {
    if (!wanted.has(doc.file)) continue;
    const { bytes, pages } = await renderPdf(doc.pdf);
    out.push({ file: doc.file, title: doc.title, pages, pdf: bytes, ms: performance.now() - started });
    started = performance.now();
  }
  return out;
}
