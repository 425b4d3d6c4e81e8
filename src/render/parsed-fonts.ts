import { host } from '../host/host.js';
import { digestName } from '../host/digest-name.js';

/** The part of a fontkit font that kernekit reads itself (pdfkit uses the rest). */
export interface ParsedFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
  /** The advance width, in font units, of the glyph the font draws `codePoint` with. */
  advanceOf(codePoint: number): number;
}

/** A glyph as pdfkit reads one from a shaped word: its id, the characters it stands for, its advance. */
interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
/** fontkit's horizontal metrics table and a glyph's entry in it. */
interface MetricsTable {
  metrics: unknown;
}
type TableGlyph = Glyph & { _getTableMetrics(this: { id: number }, table: MetricsTable): { advance: number } };
/** The glyphs a PDF uses, written as a font file of their own. */
interface Subset {
  glyphs: number[];
  encode(): Uint8Array;
}
/** Where a table lies in the font file, and fontkit's own tables, decoded as they are first read. */
interface FontkitTables {
  /** 'TTF' for a TrueType or OpenType file, whose tables lie in it as they are. */
  type: string;
  directory: { tables: Record<string, TableRecord | undefined> };
  _tables: Record<string, unknown>;
  _decodeTable(record: TableRecord): Record<string, unknown>;
}
interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}
type FontkitFont = ParsedFont & FontkitTables & {
  postscriptName: string;
  fvar?: unknown;
  hmtx: MetricsTable;
  _cmapProcessor: { lookup(codePoint: number): number };
  getGlyph(id: number, codePoints?: number[]): Glyph;
  glyphForCodePoint(codePoint: number): Glyph;
  /** A glyph of a word read from the engine cache (engine-cache.ts). */
  storedGlyph(id: number, codePoints: number[]): Glyph;
  createSubset(): Subset;
};
type Fontkit = { create(src: Uint8Array, postscriptName?: string): FontkitFont };
/** fontkit itself, loaded on first use: commands that draw nothing (validate, list) never pay for it. */
const original = () => host.fontkit() as Fontkit;
const parsed = new WeakMap<Uint8Array, Map<string, ParsedFont>>();
/** The digest of each font file from the config (font-set.ts says which files those are). */
const outside = new WeakMap<Uint8Array, string>();
const cacheNames = new WeakMap<object, string>();

/** Marks a font file as the config's, known by its sha256 (its name in the engine cache). */
export function fromConfig(src: Uint8Array, sha256: string): void {
  outside.set(src, sha256);
}

/**
 * What the engine cache keeps a font's shaped words under: its PostScript name, and for a font
 * from the config its digest too, since another file of the same name shapes differently.
 */
export function cacheName(font: { postscriptName: string }): string {
  return cacheNames.get(font) ?? font.postscriptName;
}

/**
 * fontkit.create, once per font file and process. Parsing a font and warming its glyph and
 * layout-table caches costs about 0.1 s per file; pdfkit (for every PDF and every fitting
 * pass) and kernekit's own measuring all read the same four files, so they share one parse.
 * A parsed font is only read from, so sharing it cannot change a PDF.
 */
export function parseFont(src: Uint8Array, postscriptName?: string): ParsedFont {
  let byName = parsed.get(src);
  if (!byName) parsed.set(src, (byName = new Map()));
  const key = postscriptName ?? '';
  let font = byName.get(key);
  if (!font) {
    const made = keptSubsets(ownCharacters(advancesFromTable(postHeaderFirst(original().create(src, postscriptName), src))));
    const sha256 = outside.get(src);
    if (sha256) cacheNames.set(made, `${made.postscriptName}@${sha256.slice(0, 16)}`);
    byName.set(key, (font = made));
  }
  return font;
}

/** The fields of a `post` table after its header: format 2's glyph names, 2.5's offsets, 4's map. */
const POST_BODY = ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map'];

/**
 * pdfkit reads two fields of a font's `post` table (whether it is monospaced, its italic
 * angle) and fontkit decodes the whole table for them: in the kit's fonts, a name for each of
 * some 2,000 glyphs, which nothing that writes a PDF reads (the planner page's fonts have
 * none: blank-glyphs.ts). The header is read here, each field as fontkit reads it, and the
 * rest of the table is decoded by fontkit only if something asks for it.
 */
function postHeaderFirst(font: FontkitFont, src: Uint8Array): FontkitFont {
  const record = font.directory.tables.post;
  if (font.type !== 'TTF' || !record || record.length < 32 || 'post' in font._tables || record.offset + 32 > src.byteLength) return font;
  const view = new DataView(src.buffer, src.byteOffset + record.offset, 32);
  let body: Record<string, unknown> | undefined;
  const post: Record<string, unknown> = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  for (const field of POST_BODY) Object.defineProperty(post, field, { get: () => (body ??= font._decodeTable(record))[field], enumerable: true });
  font._tables.post = post;
  return font;
}

/**
 * fontkit works a glyph's advance width out with its other metrics, and those decode the
 * glyph's outline (for a vertical fallback nothing here reads). pdfkit asks the advance of
 * every glyph it writes and kernekit's rough measuring of every letter, so each glyph gets
 * its advance from the font's horizontal metrics table alone: the same number fontkit gives
 * for a font without variations (a variable font keeps fontkit's way, which adjusts it).
 *
 * Nor do rough measuring and the words read from the engine cache need fontkit's glyph
 * objects, which find out as they are made whether their characters are combining marks (a
 * Unicode table inflated on first use, for shaping): they get the glyph's id and advance, and
 * a word read back is a list of plain glyphs with the characters it was shaped from. A build
 * whose words were all shaped before makes no glyph object but the font's first.
 */
function advancesFromTable(font: FontkitFont): FontkitFont {
  if (font.fvar) {
    font.advanceOf = (codePoint) => font.glyphForCodePoint(codePoint).advanceWidth;
    font.storedGlyph = (id, codePoints) => font.getGlyph(id, codePoints);
    return font;
  }
  const getGlyph = font.getGlyph.bind(font);
  // fontkit's own reading of the table, for any glyph id (glyph 0 has no characters to look up).
  const tableMetrics = (getGlyph(0) as TableGlyph)._getTableMetrics;
  const advance = (id: number) => tableMetrics.call({ id }, font.hmtx).advance;
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (!Object.hasOwn(glyph, 'advanceWidth')) Object.defineProperty(glyph, 'advanceWidth', { value: advance(id) });
    return glyph;
  };
  font.advanceOf = (codePoint) => advance(font._cmapProcessor.lookup(codePoint));
  font.storedGlyph = (id, codePoints) => ({ id, codePoints, advanceWidth: advance(id) });
  return font;
}

/**
 * fontkit keeps one glyph object per glyph id, carrying the characters of whichever text
 * asked for it first, or none when a font subset asked for it as part of an accented
 * letter (Danish "í" is built from the dotless "ı"). pdfkit writes those characters into
 * the PDF's text layer, so a Turkish "ı" shaped after that lost its character, and a PDF
 * depended on what the process had built before it. Each request now gets the glyph with
 * its own characters: the same text always gives the same text layer.
 */
function ownCharacters(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    const same = glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]);
    return same || codePoints.length === 0 ? glyph : (Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph);
  };
  return font;
}

/**
 * Writing a font subset (fontkit decodes each glyph and the tables around it) was a tenth of a
 * fresh deck, and a build's subsets are mostly the last build's: the same glyphs of the same
 * font give the same bytes, so the host keeps them, named by the font and the glyphs in the
 * order they were included. (encode() would add an accented letter's components to the
 * subset's list as it went; pdfkit reads nothing from the list afterwards.)
 */
function keptSubsets(font: FontkitFont): FontkitFont {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => host.engineKept('subsets', () => `${digestName(`${cacheName(font)}\0${subset.glyphs.join(',')}`)}.ttf`, encode);
    return subset;
  };
  return font;
}
