import { deflate } from 'pako';
import { keptDeflate } from './kept-deflate.js';

/**
 * pdfkit writes each structure element as an object of its own, uncompressed: some 90 bytes
 * each, so a tagged guide of 550 paragraphs and cells would be half as large again. Here the
 * structure elements move into compressed object streams (PDF 1.5, within the 1.7 the files
 * declare), and the cross-reference table becomes a stream that can point into them.
 * Everything else stays where and as pdfkit wrote it, readable as before: pages, fonts,
 * the catalog. The same bytes in, the same bytes out, on the command line as in a browser.
 */
export function packStructure(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const table = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  const trailer = /trailer\n<<([^]*?)>>\nstartxref/.exec(text.slice(xrefAt));
  if (xrefAt === 0 || !table || !trailer) return pdf;
  const count = Number(table[1]);
  const entriesAt = xrefAt + table[0].length;
  const offsets: number[] = [];
  for (let n = 1; n < count; n++) offsets[n] = Number(text.slice(entriesAt + n * 20, entriesAt + n * 20 + 10));
  const order = offsets.map((offset, n) => ({ n, offset })).filter((o) => o.offset !== undefined).sort((a, b) => a.offset - b.offset);
  const objects = order.map(({ n, offset }, i) => ({ n, raw: text.slice(offset, order[i + 1]?.offset ?? xrefAt) }));
  const packed = objects.filter((o) => STRUCTURE_ELEMENT.test(o.raw));
  if (packed.length === 0) return pdf;

  const chunks: Buffer[] = [pdf.subarray(0, order[0]!.offset)];
  let at = chunks[0]!.length;
  const write = (chunk: Buffer) => {
    chunks.push(chunk);
    at += chunk.length;
  };
  /** Per object number: [type, field 2, field 3] of its cross-reference stream entry. */
  const entries: Array<[number, number, number]> = [[0, 0, 65535]];
  const packedSet = new Set(packed);
  for (const o of objects) {
    if (packedSet.has(o)) continue;
    entries[o.n] = [1, at, 0];
    write(Buffer.from(o.raw, 'latin1'));
  }
  let next = count;
  for (let i = 0; i < packed.length; i += PER_STREAM) {
    const group = packed.slice(i, i + PER_STREAM);
    const stream = next++;
    const bodies = group.map((o) => o.raw.slice(o.raw.indexOf('obj\n') + 4, o.raw.lastIndexOf('\nendobj')));
    let offset = 0;
    const index = group.map((o, k) => {
      const pair = `${o.n} ${offset}`;
      offset += bodies[k]!.length + 1;
      entries[o.n] = [2, stream, k];
      return pair;
    });
    const head = index.join(' ') + '\n';
    // The same document's structure is the same bytes build after build: kept, not compressed again.
    const data = keptDeflate(Buffer.from(head + bodies.join('\n') + '\n', 'latin1'));
    entries[stream] = [1, at, 0];
    write(streamObject(stream, `/Type /ObjStm\n/N ${group.length}\n/First ${head.length}`, data));
  }
  const xref = next++;
  entries[xref] = [1, at, 0];
  const rows = Buffer.alloc(next * 7);
  for (let n = 0; n < next; n++) {
    const [type, field2, field3] = entries[n] ?? [0, 0, 0];
    rows.writeUInt8(type, n * 7);
    rows.writeUInt32BE(field2, n * 7 + 1);
    rows.writeUInt16BE(field3, n * 7 + 5);
  }
  const kept = trailer[1]!.replace(/\/Size \d+\n?/, '').trim();
  const xrefAtNew = at;
  write(streamObject(xref, `/Type /XRef\n/Size ${next}\n/W [1 4 2]\n${kept}`, deflate(rows)));
  write(Buffer.from(`startxref\n${xrefAtNew}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** A structure element as pdfkit writes it: a dictionary that starts with its /S and has a parent, no stream. */
const STRUCTURE_ELEMENT = /^\d+ 0 obj\n<<\n\/S \/\w+\n(?![^]*\nstream\n)(?:[^]*\n)?\/P \d+ 0 R\n[^]*>>\nendobj\n$/;

/** Objects per object stream: a reader inflates a whole stream to read one of them. */
const PER_STREAM = 200;

function streamObject(n: number, dictionary: string, data: Uint8Array): Buffer {
  return Buffer.concat([
    Buffer.from(`${n} 0 obj\n<<\n${dictionary}\n/Length ${data.length}\n/Filter /FlateDecode\n>>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}
