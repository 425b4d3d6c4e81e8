import { parentPort } from 'node:worker_threads';
import { serializeError } from '../errors.js';
import { drawPreview } from './preview-png.js';
import type { PreviewReply, PreviewRequest } from './previews.js';

// Loading pdf.js takes a quarter of a second: it starts now, while the main thread is still composing.
void import('pdfjs-dist/legacy/build/pdf.mjs');

parentPort!.on('message', async ({ id, pdf }: PreviewRequest) => {
  try {
    const png = await drawPreview(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    parentPort!.postMessage({ id, png } satisfies PreviewReply);
  } catch (err) {
    parentPort!.postMessage({ id, error: serializeError(err) } satisfies PreviewReply);
  }
});
