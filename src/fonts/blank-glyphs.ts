/**
 * A TrueType font with the outlines of every glyph but `kept` left empty, and nothing else
 * changed: glyph ids, metrics, kerning, substitutions, hinting and the head table stay the
 * bytes they were. pdfkit's font subset copies exactly those parts of the glyphs a PDF uses, so
 * a PDF drawn only with kept glyphs is the same bytes from this font as from the whole one.
 * Glyph names (post format 2) go too: a PDF never reads them. The planner page ships its fonts
 * this way (scripts/fonts.mjs): the glyph outlines are half of each font. `layout` replaces
 * tables that no PDF copies (substitutions and positions) with ones cut down to the kept
 * glyphs, their ids unchanged, which shape the kept glyphs' text alike.
 */
export function blankGlyphs(font: Uint8Array, kept: ReadonlySet<number>, layout: ReadonlyMap<string, Uint8Array> = new Map()): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = tableRecords(view);
  const table = (tag: string) => {
    const t = tables.find((r) => r.tag === tag);
    if (!t) throw new Error(`the font has no ${tag} table`);
    return t;
  };
  const longOffsets = view.getInt16(table('head').offset + 50) === 1;
  const glyphs = view.getUint16(table('maxp').offset + 4);
  const loca = table('loca');
  const offset = (id: number) => (longOffsets ? view.getUint32(loca.offset + id * 4) : view.getUint16(loca.offset + id * 2) * 2);
  const glyf = table('glyf');

  const outlines: Uint8Array[] = [];
  const newLoca = new Uint8Array(loca.length);
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let id = 0; id <= glyphs; id++) {
    if (longOffsets) locaView.setUint32(id * 4, at);
    else locaView.setUint16(id * 2, at / 2);
    if (id === glyphs || !kept.has(id)) continue;
    const bytes = font.subarray(glyf.offset + offset(id), glyf.offset + offset(id + 1));
    outlines.push(bytes);
    at += bytes.length;
  }
  const post = table('post');
  // A copy: a Node Buffer's slice() is a view of the font.
  const postHeader = new Uint8Array(font.subarray(post.offset, post.offset + 32));
  new DataView(postHeader.buffer).setUint32(0, 0x00030000);

  const replaced = new Map<string, Uint8Array>([
    ...layout,
    ['glyf', concat(outlines)],
    ['loca', newLoca],
    ['post', postHeader],
  ]);
  return withTables(
    font.subarray(0, 12),
    tables.map((t) => ({ tag: t.tag, bytes: replaced.get(t.tag) ?? font.subarray(t.offset, t.offset + t.length) })),
  );
}

/** The font's tables of these tags, those it has, by tag. */
export function fontTables(font: Uint8Array, tags: readonly string[]): Map<string, Uint8Array> {
  const records = tableRecords(new DataView(font.buffer, font.byteOffset, font.byteLength));
  return new Map(records.filter((r) => tags.includes(r.tag)).map((r) => [r.tag, font.subarray(r.offset, r.offset + r.length)]));
}

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tableRecords(view: DataView): TableRecord[] {
  const count = view.getUint16(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(at + k)));
    return { tag, offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
  });
}

/** The font file again: the same offset table, the tables in the same order, each on a four-byte boundary with its checksum. */
function withTables(offsetTable: Uint8Array, tables: Array<{ tag: string; bytes: Uint8Array }>): Uint8Array {
  const directory = 12 + tables.length * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const size = tables.reduce((n, t) => n + padded(t.bytes.length), directory);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(offsetTable);
  let at = directory;
  tables.forEach(({ tag, bytes }, i) => {
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(record + k, tag.charCodeAt(k));
    out.set(bytes, at);
    view.setUint32(record + 4, checksum(out, at, bytes.length));
    view.setUint32(record + 8, at);
    view.setUint32(record + 12, bytes.length);
    at += padded(bytes.length);
  });
  return out;
}

function checksum(bytes: Uint8Array, from: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  for (let i = from; i < from + ((length + 3) & ~3); i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
