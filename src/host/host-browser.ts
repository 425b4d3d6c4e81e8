import { sha256 } from '@noble/hashes/sha2';
import * as fontkit from 'fontkit';
import Handlebars from 'handlebars';
import createHyphenator from 'hyphen/hyphen.js';
import JSON5 from 'json5';
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
import type { FontStyle } from '../render/fonts.js';
import { parseFontsWith } from './pdfkit-fontkit.js';
import type { Host } from './types.js';

// The planner page's host: the browser bundle is built with this file in place of host.ts
// (scripts/bundle-browser.mjs). What host.ts reads from disk arrives here as data, embedded
// in the published folder and handed over with provideHostData() before anything renders.

/** What the published folder embeds for the page: the command line's fonts, layouts and hyphenation patterns. */
export interface HostData {
  fonts: Record<FontStyle, Uint8Array>;
  layouts: Record<string, string>;
  /** hyphen's patterns, by language (primary subtag, `da`). */
  hyphenation: Record<string, unknown>;
}

/** What was provided, the fonts as the map the engine reads on every word it measures. */
let provided: { data: HostData; fonts: Map<FontStyle, Uint8Array> } | undefined;
const given = () => {
  if (!provided) throw new Error('the planner has no fonts and layouts yet: provideHostData() comes first');
  return provided;
};

export function provideHostData(data: HostData): void {
  provided = { data, fonts: new Map(Object.entries(data.fonts)) as Map<FontStyle, Uint8Array> };
}

export const host: Host = {
  fonts: () => given().fonts,
  layoutSource: (file) => given().data.layouts[file],
  hyphenation(language) {
    const patterns = given().data.hyphenation[language];
    // As hyphen's own modules make it (export-contract.js); render/hyphenate.ts keeps it.
    return patterns === undefined ? undefined : { hyphenateSync: createHyphenator(patterns), patterns };
  },
  sha256: (text) => sha256(typeof text === 'string' ? new TextEncoder().encode(text) : text),
  engineCache: () => null,
  handlebars: () => Handlebars,
  json5: () => JSON5,
  fontkit: () => fontkit,
  pdfmake(parseFont) {
    parseFontsWith(parseFont);
    return {
      Base: Base.default,
      OutputDocument: OutputDocument.default,
      PDFDocument: PDFDocument.default,
      LayoutBuilder: LayoutBuilder.default,
      ElementWriter: ElementWriter.default,
      PageElementWriter: PageElementWriter.default,
      SVGMeasure: SVGMeasure.default,
      tableLayouts,
      Renderer: Renderer.default,
      StyleContextStack: StyleContextStack.default,
    };
  },
  // A browser has no disk: everything a document shows arrives as data.
  mayRead: () => false,
  kept: (_folder, _key, make) => make(),
  engineKept: (_folder, _key, make) => make(),
};
