import { Worker } from 'node:worker_threads';
import { reviveError } from '../errors.js';
import { keepPreview, storedPreview } from './preview-cache.js';
import { workerUrl } from './worker-url.js';
import { asBuffer, type Reply } from './thread-messages.js';

export interface PreviewRequest {
  id: number;
  pdf: Uint8Array;
}

type PreviewReply = Reply<{ png: Uint8Array }>;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(png: Buffer): void; reject(err: Error): void }>();

/**
 * Starts the preview thread, if it is not running: pdf.js loads on the second core while this
 * one renders. Previews are made there, beside the rendering, for the whole process (a watch
 * session keeps it warm). The thread holds the process open only while a preview is being made.
 */
function startPreviews(): void {
  if (worker) return;
  const w = new Worker(workerUrl('preview-worker', import.meta.url));
  w.on('message', async (reply: PreviewReply) => {
    const waiting = pending.get(reply.id)!;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if ('error' in reply) waiting.reject(await reviveError(reply.error));
    else waiting.resolve(asBuffer(reply.png));
  });
  w.on('error', (err) => fail(w, err));
  w.on('exit', (code) => fail(w, new Error(`the preview thread stopped (exit code ${code})`)));
  // Only now: attaching a 'message' listener refs the thread again, and an idle thread held a failed build's process open.
  w.unref();
  worker = w;
}

/**
 * A PNG thumbnail of the PDF's first page (whose sha256 is given): the one drawn before for the
 * same bytes, else one made on the preview thread, which starts with the first that is missing.
 */
export async function previewPng(pdf: Buffer, pdfSha256: string): Promise<Buffer> {
  const stored = storedPreview(pdfSha256);
  if (stored) return stored;
  startPreviews();
  const id = nextId++;
  const png = await new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.ref();
    worker!.postMessage({ id, pdf } satisfies PreviewRequest);
  });
  keepPreview(pdfSha256, png);
  return png;
}

/** A dead thread fails what it still owed; the next preview starts a new one. */
function fail(w: Worker, err: Error): void {
  if (worker !== w) return;
  worker = undefined;
  for (const waiting of pending.values()) waiting.reject(err);
  pending.clear();
}
