import { EventEmitter } from 'events';

// Node's stream.Readable as far as pdfkit's document (which extends it) and pdfmake's
// OutputDocument.getBuffer use it, for the browser bundle: pushed chunks wait until read,
// and every push says "readable". The bytes pass through unchanged.

export class Readable extends EventEmitter {
  private chunks: Uint8Array[] = [];
  private ended = false;

  push(chunk: Uint8Array | null): boolean {
    if (chunk === null) {
      this.ended = true;
      this.emit('readable');
      this.emit('end');
    } else {
      this.chunks.push(chunk);
      this.emit('readable');
    }
    return !this.ended;
  }

  read(): Buffer | null {
    if (this.chunks.length === 0) return null;
    return Buffer.concat(this.chunks.splice(0));
  }
}

export const Stream = Readable;
export default { Readable, Stream };
