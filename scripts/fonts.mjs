// The fonts a published folder ships, made from fonts/ when the package is built (npm's prepare
// and prepack, through scripts/bundle.mjs), so that no build, cold or warm, makes them again:
// - the planner page's fonts, whole TrueType files with only the Latin glyphs' outlines
//   (src/fonts/blank-glyphs.ts), deflated; the page inflates them.
// - the web pages' fonts, WOFF2 subsets of the Latin characters (src/fonts/latin.ts).
// harfbuzz (through subset-font) finds the glyphs the characters can need, ligatures and other
// substitutions included; it is a development dependency only, as nothing runs it after this.
import subsetFont from 'subset-font';
import * as fontkit from 'fontkit';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const { FONT_FILES } = await import(join(root, 'dist/render/fonts.js'));
const { latinText } = await import(join(root, 'dist/fonts/latin.js'));
const { blankGlyphs } = await import(join(root, 'dist/fonts/blank-glyphs.js'));
const { WEB_FONTS } = await import(join(root, 'dist/fonts/web-fonts.js'));
const { fontsScript } = await import(join(root, 'dist/planner/write-data.js'));
const { cacheDir } = await import(join(root, 'dist/cache-dir.js'));

/** The OpenType features fontkit applies to Latin text when pdfkit lays out a word (its default shaper's). */
const PDF_FEATURES = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'rvrn'];
/** A browser's defaults for Latin, and the tabular figures the pages ask for. */
const WEB_FEATURES = [...PDF_FEATURES, 'tnum'];

const fontFile = (file) => readFileSync(join(root, 'fonts', file));

/** The ids of the glyphs harfbuzz keeps for the Latin characters, by the names it keeps with them. */
async function latinGlyphs(font) {
  const subset = fontkit.create(await subsetFont(font, latinText(), { targetFormat: 'truetype', glyphNames: true, keepFeatures: PDF_FEATURES }));
  const whole = fontkit.create(font);
  const ids = new Map(Array.from({ length: whole.numGlyphs }, (_, id) => [whole.getGlyph(id).name, id]));
  return new Set(Array.from({ length: subset.numGlyphs }, (_, id) => {
    const name = subset.getGlyph(id).name;
    if (!ids.has(name)) throw new Error(`harfbuzz kept a glyph the font does not name: ${name}`);
    return ids.get(name);
  }));
}

/** Each PDF style's font for the planner page, deflated, by its file name (its sourceName). */
async function plannerFonts() {
  const files = await Promise.all(Object.values(FONT_FILES).map(async (file) => {
    const font = fontFile(file);
    return [file, deflateSync(blankGlyphs(font, await latinGlyphs(font)), { level: 9 })];
  }));
  return Object.fromEntries(files);
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
  for (const file of [...Object.values(FONT_FILES), ...WEB_FONTS.map((f) => f.source)].sort()) digest.update(fontFile(file));
  for (const code of ['scripts/fonts.mjs', 'dist/fonts/latin.js', 'dist/fonts/blank-glyphs.js', 'dist/fonts/web-fonts.js', 'dist/planner/write-data.js']) digest.update(readFileSync(join(root, code)));
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
  const files = [['planner-fonts.js', Buffer.from(fontsScript(await plannerFonts()))], ...(await webFonts()).map(([file, bytes]) => [`fonts/${file}`, Buffer.from(bytes)])];
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
