import { parentPort } from 'node:worker_threads';
import { serializeError } from '../errors.js';
import { drawPreview, loadPdfjs } from './preview-png.js';
import type { PreviewReply, PreviewRequest } from './previews.js';

// Loading pdf.js takes a third of a second: it starts now, while the main thread is still composing.
void loadPdfjs();

parentPort!.on('message', async ({ id, pdf }: PreviewRequest) => {
  try {
    const png = await drawPreview(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    parentPort!.postMessage({ id, png } satisfies PreviewReply);
  } catch (err) {
    parentPort!.postMessage({ id, error: serializeError(err) } satisfies PreviewReply);
  }
});
