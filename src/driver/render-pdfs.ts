import type { BuildOptions, ComposedDocument, Family } from '../documents/family.js';
import type { Localization } from '../i18n/translator.js';
import { renderPdf } from '../render/render.js';
import { DrawError } from '../errors.js';
import { useFonts } from '../render/font-set.js';

/** One composed document of a family, rendered to PDF. */
export interface RenderedPdf {
  composed: ComposedDocument;
  pages: number;
  pdf: Buffer;
  /** Milliseconds spent composing its family (all of it counted on the family's first document, 0 on the others). */
  composeMs: number;
  /** Milliseconds spent rendering it. */
  renderMs: number;
}

/**
 * Composes a family and renders the documents in `wanted` (the others are up to date) to
 * PDF. The command line (on any thread) and the planner page in a browser run this same
 * code, so the PDFs cannot depend on where they were made.
 */
export async function renderPdfs(family: Family, loc: Localization, options: BuildOptions, wanted: ReadonlySet<string>): Promise<RenderedPdf[]> {
  const started = performance.now();
  useFonts(options.fonts);
  loc.checkGlyphs();
  let docs;
  try {
    docs = family.compose(loc, options);
  } catch (err) {
    throw DrawError.from(err, family.id, loc.language);
  }
  let composeMs = performance.now() - started;
  const out: RenderedPdf[] = [];
  for (const composed of docs) {
    if (!wanted.has(composed.file)) continue;
    const rendering = performance.now();
    const { bytes, pages } = await renderPdf(composed.pdf).catch((err: unknown) => {
      throw DrawError.from(err, composed.file, loc.language);
    });
    out.push({ composed, pages, pdf: bytes, composeMs, renderMs: performance.now() - rendering });
    composeMs = 0;
  }
  return out;
}
