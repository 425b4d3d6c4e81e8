import { Worker } from 'node:worker_threads';
import { reviveError } from '../errors.js';
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
 * Starts the preview thread, if it is not running, so that pdf.js loads on the second core
 * while this one composes. Previews are made there, beside the rendering, for the whole
 * process (a watch session keeps it warm). The thread holds the process open only while a
 * preview is being made.
 */
export function startPreviews(): void {
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

/** A PNG thumbnail of the PDF's first page, made on the preview thread. */
export function previewPng(pdf: Buffer): Promise<Buffer> {
  startPreviews();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.ref();
    worker!.postMessage({ id, pdf } satisfies PreviewRequest);
  });
}

/** A dead thread fails what it still owed; the next preview starts a new one. */
function fail(w: Worker, err: Error): void {
  if (worker !== w) return;
  worker = undefined;
  for (const waiting of pending.values()) waiting.reject(err);
  pending.clear();
}
