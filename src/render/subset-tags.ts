import { host } from '../host/host.js';

/**
 * pdfkit names every font subset after the font's number in its file (BZZZZZ, CZZZZZ…), so
 * two PDFs merged at a print shop carry different subsets under one name, and a RIP may use
 * one subset's glyphs for the other's text. Each tag becomes six letters drawn from a hash
 * of the subset's own bytes: still the same for the same PDF, different for another subset.
 * The new tag has the old one's length, so no byte offset in the file moves.
 */
export function uniqueSubsetTags(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const renames = new Map<string, string>();
  for (const m of text.matchAll(/\/FontName \/([A-Z]{6})\+([^\s/>]+)[^]*?\/FontFile[23]? (\d+) 0 R/g)) {
    const [, tag, name, ref] = m as unknown as [string, string, string, string];
    const stream = streamOf(text, Number(ref));
    renames.set(tag, letters(host.sha256(Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from(stream, 'latin1')]))));
  }
  if (renames.size === 0) return pdf;
  const out = Buffer.from(pdf);
  const names = [...renames.keys()].join('|');
  for (const m of text.matchAll(new RegExp(`/(${names})\\+`, 'g'))) out.write(renames.get(m[1]!)!, m.index! + 1, 'latin1');
  return out;
}

/** The raw bytes of object `ref`'s stream. */
function streamOf(text: string, ref: number): string {
  const start = text.indexOf(`\n${ref} 0 obj`);
  const from = text.indexOf('stream', start);
  return text.slice(from, text.indexOf('endstream', from));
}

function letters(digest: Uint8Array): string {
  return [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}
