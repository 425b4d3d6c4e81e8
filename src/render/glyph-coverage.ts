/**
 * Which code points a font has glyphs for, read from its `cmap` table without a font
 * library: the glyph check runs in `validate` too, which must stay quick to start. Reads the
 * table fontkit (and so pdfkit) picks first: Windows full Unicode (3,10, format 12), else
 * Windows BMP (3,1, format 4), else any Unicode one.
 */
export function glyphCoverage(font: Uint8Array): (codePoint: number) => boolean {
  let has = coverage.get(font);
  if (!has) coverage.set(font, (has = readCmap(asBuffer(font))));
  return has;
}

/** The bytes as a Buffer, without copying them (the browser's fonts are plain Uint8Arrays). */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const coverage = new WeakMap<Uint8Array, (codePoint: number) => boolean>();

function readCmap(font: Buffer): (codePoint: number) => boolean {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (font.toString('latin1', entry, entry + 4) === 'cmap') cmap = font.readUInt32BE(entry + 8);
  }
  if (cmap < 0) return () => false;
  const subtables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    subtables.set(`${font.readUInt16BE(record)},${font.readUInt16BE(record + 2)}`, cmap + font.readUInt32BE(record + 4));
  }
  const chosen = ['3,10', '0,6', '0,4', '3,1', '0,3', '0,2', '0,1', '0,0'].map((k) => subtables.get(k)).find((o) => o !== undefined);
  if (chosen === undefined) return () => false;
  const format = font.readUInt16BE(chosen);
  if (format === 12) return format12(font, chosen);
  if (format === 4) return format4(font, chosen);
  return () => false;
}

/** Segmented coverage: groups of consecutive code points mapped to consecutive glyphs. */
function format12(font: Buffer, at: number): (codePoint: number) => boolean {
  const groups: Array<[number, number, number]> = [];
  for (let i = 0; i < font.readUInt32BE(at + 12); i++) {
    const g = at + 16 + 12 * i;
    groups.push([font.readUInt32BE(g), font.readUInt32BE(g + 4), font.readUInt32BE(g + 8)]);
  }
  return (cp) => {
    const group = groups.find(([start, end]) => cp >= start && cp <= end);
    return group !== undefined && group[2] + (cp - group[0]) !== 0;
  };
}

/** Segment mapping to delta values, for the Basic Multilingual Plane. */
function format4(font: Buffer, at: number): (codePoint: number) => boolean {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let i = 0; i < segments; i++) {
      if (cp > font.readUInt16BE(ends + 2 * i)) continue;
      const start = font.readUInt16BE(starts + 2 * i);
      if (cp < start) return false;
      const delta = font.readInt16BE(deltas + 2 * i);
      const rangeOffset = font.readUInt16BE(offsets + 2 * i);
      if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
      const glyph = font.readUInt16BE(offsets + 2 * i + rangeOffset + 2 * (cp - start));
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}
