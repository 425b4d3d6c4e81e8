// The fonts a published folder ships, made from fonts/ when the package is built (npm's prepare
// and prepack, through scripts/bundle.mjs), so that no build, cold or warm, makes them again:
// - the planner page's fonts, whole TrueType files with only the Latin glyphs' outlines
//   (src/fonts/blank-glyphs.ts), deflated; the page inflates them. Beside them the script faces
//   cut down alike to their script's block (src/fonts/planner-faces.ts), which a build puts in
//   the fonts script of a page that draws with them (planner-page.ts).
// - the web pages' fonts, WOFF2 subsets of the Latin characters (src/fonts/latin.ts).
// harfbuzz (through subset-font) finds the glyphs the characters can need, ligatures and other
// substitutions included, and cuts the planner fonts' layout tables down to them (its own
// subsetter, as subset-font renumbers glyphs); a development dependency only, as nothing runs
// it after this.
import subsetFont from 'subset-font';
import * as fontkit from 'fontkit';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const { FONT_FAMILY, FONT_FILES, SCRIPT_FACES } = await import(join(root, 'dist/render/fonts.js'));
const { latinText, rangesText } = await import(join(root, 'dist/fonts/latin.js'));
const { PLANNER_FACE_RANGES } = await import(join(root, 'dist/fonts/planner-faces.js'));
const { blankGlyphs, fontTables } = await import(join(root, 'dist/fonts/blank-glyphs.js'));
const { WEB_FONTS } = await import(join(root, 'dist/fonts/web-fonts.js'));
const { fontsScript } = await import(join(root, 'dist/planner/write-data.js'));
const { cacheDir } = await import(join(root, 'dist/cache-dir.js'));

/** The OpenType features fontkit applies to Latin text when pdfkit lays out a word (its default shaper's). */
const PDF_FEATURES = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'rvrn'];
/** A browser's defaults for Latin, and the tabular figures the pages ask for. */
const WEB_FEATURES = [...PDF_FEATURES, 'tnum'];

const fontFile = (file) => readFileSync(join(root, 'fonts', file));

/**
 * The ids of the glyphs harfbuzz keeps for the characters of `text` and the OpenType `features`
 * (undefined: all of them), by the names it keeps with them.
 */
async function keptGlyphs(font, text, features) {
  const subset = fontkit.create(await subsetFont(font, text, { targetFormat: 'truetype', glyphNames: true, keepFeatures: features }));
  const whole = fontkit.create(font);
  const ids = new Map(Array.from({ length: whole.numGlyphs }, (_, id) => [whole.getGlyph(id).name, id]));
  return new Set(Array.from({ length: subset.numGlyphs }, (_, id) => {
    const name = subset.getGlyph(id).name;
    if (!ids.has(name)) throw new Error(`harfbuzz kept a glyph the font does not name: ${name}`);
    return ids.get(name);
  }));
}

/**
 * The tables no PDF copies but shaping reads, which layoutTables() cuts down. Not the character
 * map: a PDF's ToUnicode map gives a glyph every character the whole map gives it (Å and the
 * Ångström sign, an Arabic letter and its presentation form), and harfbuzz drops some it is
 * asked to keep (Persian's ZWNJ).
 */
const LAYOUT_TABLES = ['GDEF', 'GSUB', 'GPOS'];

/** harfbuzz's subsetter, as a WebAssembly instance. */
let harfbuzz;

/**
 * The font's layout tables (LAYOUT_TABLES) as harfbuzz cuts them down to the characters of
 * `text` and the `features` (undefined: all), keeping every glyph's id (its retain-gids flag):
 * they shape such text as the whole tables do, and are a fraction of their size.
 */
async function layoutTables(font, text, features) {
  if (!harfbuzz) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    harfbuzz = (await WebAssembly.instantiate(wasm)).instance.exports;
    harfbuzz._initialize();
  }
  const hb = harfbuzz;
  const tag = (name) => [...name].reduce((n, ch) => (n << 8) + ch.charCodeAt(0), 0) >>> 0;
  const at = hb.malloc(font.length);
  new Uint8Array(hb.memory.buffer).set(font, at);
  const blob = hb.hb_blob_create(at, font.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  const kept = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb.hb_set_clear(kept);
  if (features) for (const feature of features) hb.hb_set_add(kept, tag(feature));
  else hb.hb_set_invert(kept);
  const characters = hb.hb_subset_input_unicode_set(input);
  for (const ch of text) hb.hb_set_add(characters, ch.codePointAt(0));
  hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) throw new Error('harfbuzz could not subset the font');
  const result = hb.hb_face_reference_blob(subset);
  const data = hb.hb_blob_get_data(result, 0);
  const cut = new Uint8Array(hb.memory.buffer).slice(data, data + hb.hb_blob_get_length(result));
  hb.hb_blob_destroy(result);
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(face);
  hb.free(at);
  return fontTables(cut, LAYOUT_TABLES);
}
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;

/**
 * A face's files for the planner page, deflated, by file name (their sourceName): cut down to
 * the face's planner ranges (src/fonts/planner-faces.ts) and, of its OpenType features,
 * `features` (undefined: all).
 */
async function plannerFaceFonts(family, files, features) {
  const text = rangesText(PLANNER_FACE_RANGES.get(family));
  const cut = async (file) => {
    const font = fontFile(file);
    return [file, deflateSync(blankGlyphs(font, await keptGlyphs(font, text, features), await layoutTables(font, text, features)), { level: 9 })];
  };
  return Object.fromEntries(await Promise.all([...new Set(files)].map(cut)));
}

/** The kit's typeface for the planner page, its Latin characters as a PDF shapes them. */
const plannerFonts = () => plannerFaceFonts(FONT_FAMILY, Object.values(FONT_FILES), PDF_FEATURES);

/** The script faces for the planner page: every feature, as each script's shaper applies its own. */
async function scriptFaceFonts() {
  const faces = await Promise.all(SCRIPT_FACES.map((face) => plannerFaceFonts(face.family, [face.normal, face.bold])));
  return Object.assign({}, ...faces);
}

/** Each web face as WOFF2, by its file name in the published folder. */
async function webFonts() {
  return Promise.all(WEB_FONTS.map(async (face) => [face.file, await subsetFont(fontFile(face.source), latinText(), { targetFormat: 'woff2', keepFeatures: WEB_FEATURES })]));
}

/**
 * The files to write into bundle/ ([name, bytes]: planner-fonts.js and fonts/*.woff2). harfbuzz
 * takes seconds and the package is built before every test run, so they are kept in the cache
 * folder, named by a digest of everything they are made from.
 */
export async function shippedFonts() {
  const digest = createHash('sha256');
  for (const file of [...new Set([...Object.values(FONT_FILES), ...SCRIPT_FACES.flatMap((f) => [f.normal, f.bold]), ...WEB_FONTS.map((f) => f.source)])].sort()) digest.update(fontFile(file));
  for (const code of ['scripts/fonts.mjs', 'dist/fonts/latin.js', 'dist/fonts/planner-faces.js', 'dist/fonts/blank-glyphs.js', 'dist/fonts/web-fonts.js', 'dist/planner/write-data.js']) digest.update(readFileSync(join(root, code)));
  for (const name of ['subset-font', 'harfbuzzjs', 'wawoff2']) digest.update(JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version);
  const cache = cacheDir();
  const kept = cache && join(cache, 'package-fonts', digest.digest('hex').slice(0, 16));
  if (kept) {
    try {
      return readdirSync(kept).map((name) => [name.replace('--', '/'), readFileSync(join(kept, name))]);
    } catch {
      // Not made yet.
    }
  }
  const files = [
    ['planner-fonts.js', Buffer.from(fontsScript(await plannerFonts()))],
    ['planner-script-fonts.js', Buffer.from(fontsScript(await scriptFaceFonts()))],
    ...(await webFonts()).map(([file, bytes]) => [`fonts/${file}`, Buffer.from(bytes)]),
  ];
  if (kept) {
    // Written whole beside the folder, then renamed: a second run reads all the files or none. Older versions go.
    const parent = join(kept, '..');
    rmSync(parent, { recursive: true, force: true });
    mkdirSync(`${kept}.new`, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(`${kept}.new`, name.replace('/', '--')), bytes);
    renameSync(`${kept}.new`, kept);
  }
  return files;
}
