import type { Family, BuildOptions } from '../documents/family.js';
import type { Localization } from '../i18n/translator.js';
import { renderPdf } from '../render/render.js';
import { DrawError } from '../errors.js';

/** One rendered PDF. */
export interface RenderedDoc {
  file: string;
  title: string;
  pages: number;
  pdf: Buffer;
  /** Milliseconds spent composing its family (all of it counted on the family's first document, 0 on the others). */
  composeMs: number;
  /** Milliseconds spent rendering it. */
  renderMs: number;
}

/**
 * Composes a family and renders the documents in `wanted` (the others are up to date).
 * The same code runs on the main thread and in a worker, so output cannot depend on where.
 */
export async function renderFamily(family: Family, loc: Localization, options: BuildOptions, wanted: ReadonlySet<string>): Promise<RenderedDoc[]> {
  const started = performance.now();
  loc.checkGlyphs();
  let docs;
  try {
    docs = family.compose(loc, options);
  } catch (err) {
    throw DrawError.from(err, family.id, loc.language);
  }
  let composeMs = performance.now() - started;
  const out: RenderedDoc[] = [];
  for (const doc of docs) {
    if (!wanted.has(doc.file)) continue;
    const rendering = performance.now();
    const { bytes, pages } = await renderPdf(doc.pdf).catch((err: unknown) => {
      throw DrawError.from(err, doc.file, loc.language);
    });
    out.push({ file: doc.file, title: doc.title, pages, pdf: bytes, composeMs, renderMs: performance.now() - rendering });
    composeMs = 0;
  }
  return out;
}
