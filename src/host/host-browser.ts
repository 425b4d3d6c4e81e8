import { sha256 } from '@noble/hashes/sha2';
import * as fontkit from 'fontkit';
import Handlebars from 'handlebars';
import createHyphenator from 'hyphen/hyphen.js';
import JSON5 from 'json5';
import LineBreaker from 'linebreak';
import Base from 'pdfmake/js/base';
import ElementWriter from 'pdfmake/js/ElementWriter';
import LayoutBuilder from 'pdfmake/js/LayoutBuilder';
import OutputDocument from 'pdfmake/js/OutputDocument';
import PageElementWriter from 'pdfmake/js/PageElementWriter';
import PDFDocument from 'pdfmake/js/PDFDocument';
import Renderer from 'pdfmake/js/Renderer';
import StyleContextStack from 'pdfmake/js/StyleContextStack';
import SVGMeasure from 'pdfmake/js/SVGMeasure';
import { tableLayouts } from 'pdfmake/js/tableLayouts';
import { sourceName } from '../render/fonts.js';
import { parseFontsWith } from './pdfkit-fontkit.js';
import type { Host } from './types.js';

// The planner page's host: the browser bundle is built with this file in place of host.ts
// (scripts/bundle-browser.mjs). What host.ts reads from disk arrives here as data, embedded
// in the published folder and handed over with provideHostData() before anything renders.

/** What the published folder embeds for the page: the command line's fonts, layouts and hyphenation patterns. */
export interface HostData {
  /** Font files by their sourceName (render/fonts.ts): those the language's texts are drawn with. */
  fonts: Record<string, Uint8Array>;
  layouts: Record<string, string>;
  /** hyphen's patterns, by language (primary subtag, `da`). */
  hyphenation: Record<string, unknown>;
}

let provided: HostData | undefined;
const given = () => {
  if (!provided) throw new Error('the planner has no fonts and layouts yet: provideHostData() comes first');
  return provided;
};

export function provideHostData(data: HostData): void {
  provided = data;
}

export const host: Host = {
  font(source) {
    const bytes = given().fonts[sourceName(source)];
    if (!bytes) throw new Error(`the planner was not given the font ${sourceName(source)}`);
    return bytes;
  },
  layoutSource: (file) => given().layouts[file],
  hyphenation(language) {
    const patterns = given().hyphenation[language];
    // As hyphen's own modules make it (export-contract.js); render/hyphenate.ts keeps it.
    return patterns === undefined ? undefined : { hyphenateSync: createHyphenator(patterns), patterns };
  },
  sha256: (text) => sha256(typeof text === 'string' ? new TextEncoder().encode(text) : text),
  engineCache: () => null,
  handlebars: () => Handlebars,
  json5: () => JSON5,
  lineBreaker: () => LineBreaker,
  fontkit: () => fontkit,
  pdfmake(parseFont) {
    parseFontsWith(parseFont);
    return {
      Base: compiledDefault(Base),
      OutputDocument: compiledDefault(OutputDocument),
      PDFDocument: compiledDefault(PDFDocument),
      LayoutBuilder: compiledDefault(LayoutBuilder),
      ElementWriter: compiledDefault(ElementWriter),
      PageElementWriter: compiledDefault(PageElementWriter),
      SVGMeasure: compiledDefault(SVGMeasure),
      tableLayouts,
      Renderer: compiledDefault(Renderer),
      StyleContextStack: compiledDefault(StyleContextStack),
    };
  },
  // A browser has no disk: everything a document shows arrives as data.
  mayRead: () => false,
  // What the command line keeps in its cache folder is kept for the page's life: a later PDF
  // compresses only the streams (a page, a font subset) that its numbers changed.
  kept: (folder, key, make) => keptFor(folder, key, make),
  engineKept: (folder, key, make) => keptFor(folder, key(), make),
};

const keptInPage = new Map<string, unknown>();

/** Each PDF adds its changed pages' streams; a long session starts afresh rather than grow without end. */
const MAX_KEPT_IN_PAGE = 2000;

function keptFor<T>(folder: string, key: string, make: () => T): T {
  const name = `${folder}/${key}`;
  if (keptInPage.has(name)) return keptInPage.get(name) as T;
  if (keptInPage.size >= MAX_KEPT_IN_PAGE) keptInPage.clear();
  const made = make();
  keptInPage.set(name, made);
  return made;
}

/**
 * A pdfmake module's class. pdfmake's files are CommonJS compiled from ES modules (`exports.default`
 * beside `__esModule`): a default import of one is the whole `exports` where the bundler follows
 * Node's interop, and `exports.default` itself where it follows TypeScript's. esbuild has given
 * this file either from one build to the next (it is reached through a plugin, scripts/bundle.mjs,
 * and a planner page built the other way drew nothing), so the class is taken either way.
 */
function compiledDefault<T>(imported: { default: T }): T {
  return '__esModule' in imported ? imported.default : (imported as unknown as T);
}
