import type { Family, BuildOptions } from '../documents/family.js';
import type { Localization } from '../i18n/translator.js';
import { htmlEdition } from '../writers/html-edition.js';
import { renderPdfs } from './render-pdfs.js';

/** One rendered document: its PDF and its HTML edition. */
export interface RenderedDoc {
  file: string;
  title: string;
  pages: number;
  pdf: Buffer;
  html: string;
  /** Milliseconds spent composing its family (all of it counted on the family's first document, 0 on the others). */
  composeMs: number;
  /** Milliseconds spent rendering it, as PDF and as HTML. */
  renderMs: number;
}

/**
 * Composes a family and renders the documents in `wanted` (the others are up to date), each
 * as a PDF and as its HTML edition, both from the one composed document.
 * The same code runs on the main thread and in a worker, so output cannot depend on where.
 */
export async function renderFamily(family: Family, loc: Localization, options: BuildOptions, wanted: ReadonlySet<string>): Promise<RenderedDoc[]> {
  return (await renderPdfs(family, loc, options, wanted)).map(({ composed, pages, pdf, composeMs, renderMs }) => {
    const started = performance.now();
    const html = htmlEdition(composed, loc, options);
    return { file: composed.file, title: composed.title, pages, pdf, html, composeMs, renderMs: renderMs + performance.now() - started };
  });
}
