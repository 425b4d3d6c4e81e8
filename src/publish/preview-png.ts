/** A PNG thumbnail of a PDF's first page, for the index page. Loads pdf.js only when called. */
export async function drawPreview(pdf: Buffer, widthPx = 240): Promise<Buffer> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: widthPx / page.view[2]! });
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
