import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { keepNewest } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { BUNDLED, FONT_DIR, LAYOUT_DIR } from '../kit-paths.js';
import { engineCacheFile } from './engine-cache-file.js';
import { fontFile } from './font-files.js';
import { hyphenPatterns } from './hyphen-patterns.js';
import { engineKept } from './engine-kept.js';
import { seeded } from '../cache-seed.js';
import { create, parseFontsWith } from './pdfkit-fontkit.js';
import type { Host, PdfmakeModules } from './types.js';

// The command line's host: fonts, layouts and hyphenation patterns from disk, Node's own
// hashing, and the engine cache in a file. Libraries load on first use, so commands that
// draw nothing (validate, list) never pay for them. Each require names its module in full,
// so that the bundler can see it (scripts/bundle.mjs).

/** Files a folder of kept text holds: kernekit's layouts make about 25, and each edit of a layout one more. */
export const MAX_KEPT = 1000;

let modules: PdfmakeModules | undefined;
let fontkit: ReturnType<Host['fontkit']> | undefined;
/** fontkit as published, kept before pdfkit's copy of it replaces the module cache's entry. */
const originalFontkit = () => (fontkit ??= createRequire(import.meta.url)('fontkit') as ReturnType<Host['fontkit']>);

export const host: Host = {
  font: fontFile,
  layoutSource(file) {
    try {
      return readFileSync(LAYOUT_DIR + file, 'utf8');
    } catch {
      return undefined;
    }
  },
  hyphenation: hyphenPatterns,
  sha256: (data) => createHash('sha256').update(data).digest(),
  engineCache: engineCacheFile,
  handlebars: () => createRequire(import.meta.url)('handlebars'),
  json5: () => createRequire(import.meta.url)('json5'),
  lineBreaker: () => createRequire(import.meta.url)('linebreak'),
  fontkit: originalFontkit,
  pdfmake(parseFont) {
    if (modules) return modules;
    parseFontsWith(parseFont);
    if (!BUNDLED) {
      // Unbundled, pdfkit requires fontkit itself; its exports are read-only getters, so the
      // module cache gets a copy with pdfkit-fontkit's create, before pdfkit is loaded.
      const forPdfkit = { ...originalFontkit(), create };
      const require = createRequire(import.meta.url);
      require.cache[require.resolve('fontkit')]!.exports = forPdfkit;
    }
    modules = {
      Base: (createRequire(import.meta.url)('pdfmake/js/base') as { default: unknown }).default as PdfmakeModules['Base'],
      OutputDocument: (createRequire(import.meta.url)('pdfmake/js/OutputDocument') as { default: unknown }).default as PdfmakeModules['OutputDocument'],
      PDFDocument: (createRequire(import.meta.url)('pdfmake/js/PDFDocument') as { default: unknown }).default,
      LayoutBuilder: (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder') as { default: unknown }).default,
      ElementWriter: (createRequire(import.meta.url)('pdfmake/js/ElementWriter') as { default: unknown }).default,
      PageElementWriter: (createRequire(import.meta.url)('pdfmake/js/PageElementWriter') as { default: unknown }).default,
      SVGMeasure: (createRequire(import.meta.url)('pdfmake/js/SVGMeasure') as { default: unknown }).default,
      tableLayouts: (createRequire(import.meta.url)('pdfmake/js/tableLayouts') as { tableLayouts: object }).tableLayouts,
      Renderer: (createRequire(import.meta.url)('pdfmake/js/Renderer') as { default: unknown }).default,
      StyleContextStack: (createRequire(import.meta.url)('pdfmake/js/StyleContextStack') as { default: unknown }).default,
    };
    return modules;
  },
  mayRead: (path) => resolve(path).startsWith(resolve(FONT_DIR) + sep),
  kept(folder, key, make) {
    const dir = cacheDir();
    const file = dir && join(dir, folder, key);
    const stored = file ? readChecked(file)?.toString('utf8') : undefined;
    if (stored !== undefined) return stored;
    const made = (file ? seeded(`${folder}/${key}`)?.toString('utf8') : undefined) ?? make();
    if (file) {
      writeChecked(file, Buffer.from(made, 'utf8'));
      keepNewest(join(dir, folder), MAX_KEPT);
    }
    return made;
  },
  engineKept,
};
