import { parentPort } from 'node:worker_threads';
import { serializeError, type SerializedError } from '../errors.js';

/** A worker's answer to request `id`: what it made, or the error it failed with. */
export type Reply<T> = ({ id: number } & T) | { id: number; error: SerializedError };

/** Answers every request posted to this worker thread with what `handle` makes of it, or with the error it threw. */
export function answerRequests<R extends { id: number }, T extends object>(handle: (request: R) => Promise<T>): void {
  parentPort!.on('message', async (request: R) => {
    let reply: Reply<T>;
    try {
      reply = { id: request.id, ...(await handle(request)) };
    } catch (err) {
      reply = { id: request.id, error: serializeError(err) };
    }
    parentPort!.postMessage(reply);
  });
}

/** Buffers arrive from another thread as plain Uint8Arrays; this is a Buffer over the same bytes. */
export function asBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
