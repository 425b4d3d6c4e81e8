import { createRequire } from 'node:module';
import { PreviewsUnavailable } from '../errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js and the part of it that parses PDFs (its "worker", run here on the same thread;
 * pdf.js picks it up from globalThis.pdfjsWorker). Loaded once, on the first call: the
 * preview thread calls this as it starts, so the loading overlaps the main thread's work.
 */
export function loadPdfjs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    canvasLoads();
    const [api, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return api;
  })();
  return pdfjs;
}

/**
 * pdf.js draws with @napi-rs/canvas and quietly goes on without it, failing later with
 * "DOMMatrix is not defined"; loading it first turns that into an error that names it.
 */
function canvasLoads(): void {
  // The canvas indexes the system's fonts as it loads (a fifth of a second here, more on a
  // desktop with many fonts); pdf.js draws each glyph from the fonts embedded in the PDF, so
  // none is ever used: the thumbnails are the same bytes without them. This thread's own copy
  // of the environment (a worker's) is what the canvas reads.
  process.env.DISABLE_SYSTEM_FONTS_LOAD ??= '1';
  try {
    createRequire(import.meta.url)('@napi-rs/canvas');
  } catch (err) {
    throw new PreviewsUnavailable(((err as Error).message ?? String(err)).split('\n')[0]!);
  }
}

/** How wide a thumbnail is drawn, in pixels. */
export const PREVIEW_WIDTH = 240;

/** A PNG thumbnail of a PDF's first page, for the index page. */
export async function drawPreview(pdf: Uint8Array): Promise<Buffer> {
  const { getDocument } = await loadPdfjs();
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: PREVIEW_WIDTH / page.view[2]! });
    const factory = doc.canvasFactory as { create(w: number, h: number): unknown };
    const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height)) as {
      canvas: { toBuffer(type: 'image/png'): Buffer };
      context: unknown;
    };
    await page.render({ canvasContext: context as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
