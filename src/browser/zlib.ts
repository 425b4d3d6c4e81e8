import { deflate as pakoDeflate, inflate as pakoInflate } from 'pako';

// Node's zlib for the browser bundle, as far as pdfkit and png-js call it (images with an
// alpha channel). PDF streams never get here: render/pdmake.ts compresses them itself.

export const deflateSync = (data: Uint8Array) => Buffer.from(pakoDeflate(data));
export const inflateSync = (data: Uint8Array) => Buffer.from(pakoInflate(data));
export function inflate(data: Uint8Array, done: (err: Error | null, out?: Buffer) => void): void {
  try {
    done(null, inflateSync(data));
  } catch (err) {
    done(err as Error);
  }
}
export default { deflateSync, inflateSync, inflate };
