import type { DocumentFamily, Kit } from '../content/model.js';
import type { DeckPart } from '../content/families.js';
import type { Localization } from '../i18n/translator.js';
import type { Duplex } from '../print/imposition.js';
import type { PaperName, PosterName, Size } from '../print/paper.js';
import type { PdfRequest } from '../render/render.js';
import type { FontChoice } from '../render/fonts.js';
import type { Tailoring } from '../plan/tailoring.js';

/** The options of one build that shape the documents (already validated). */
export interface BuildOptions {
  paper: PaperName;
  card: Size;
  cardSizeName: string;
  duplex: Duplex;
  bleed: number;
  imposition: 'sheet' | 'single';
  /** Millimetres at the paper's edge that office printers cannot print; card sheets keep clear of it. */
  printerMargin: number;
  /** `light`: white backs with a coloured band, little ink; `full`: full-colour backs. */
  backs: 'light' | 'full';
  /** Crop marks outside the bleed on the print shop's single-card pages. */
  cropMarks: boolean;
  /** Paper of the 360° poster. */
  poster: PosterName;
  /** Office paper to print the poster on in parts (--tile); one sheet of poster paper when absent. */
  tile?: PaperName;
  /** Creation date written into every PDF. */
  date: Date;
  version: string;
  /** The parts of the card deck to print (--categories); all when absent. */
  deckParts?: DeckPart[];
  /** The facilitator's own meeting (--participants, --groups, --start); absent parts use the kit's defaults. */
  tailoring?: Tailoring;
  /** The publishing organisation's branding, from kernekit.config.yaml. */
  branding?: Branding;
  /** The config's `typeface:` and `fonts:`; the kit's own faces alone when absent. */
  fonts?: FontChoice;
}

export interface Branding {
  /** Shown on the guide's cover, in footers, as PDF Author and on the index page. */
  organisation: string | null;
  /** A logo for the guide's cover and the index page: PNG already flattened to opaque RGB, or SVG markup. */
  logo: { kind: 'png'; data: Buffer; width: number; height: number } | { kind: 'svg'; svg: string } | null;
  /** Accent colour (#RRGGBB) of the index page and the guide's headings where the kit has no category colour. */
  accent: string | null;
}

/**
 * A document's HTML edition: a layout of layouts/html/ and the view it shows. The view is
 * the very object the PDF was drawn from, so the two editions cannot tell different texts.
 */
export interface HtmlEdition {
  layout: string;
  view: object;
  /** Whose words the document carries, for the page's footer (see attribution.ts). */
  attribution: string;
}

/** One document to be written: its PDF's file name inside `<out>/<lang>/`, what to render, and its HTML edition. */
export interface ComposedDocument {
  family: DocumentFamily;
  file: string;
  title: string;
  pdf: PdfRequest;
  edition: HtmlEdition;
}

/** A document family: knows its data, its layouts and its file names, nothing else. */
export interface Family {
  id: DocumentFamily;
  /** The file names it writes, known without composing anything (for `kernekit list`). */
  files(kit: Kit): string[];
  /**
   * Per file, the part of the (translated) kit it shows, and of the facilitator's meeting
   * if it shows that (the guide). A file is rebuilt only when this, the labels, layouts,
   * fonts, the other options or kernekit itself changed.
   */
  inputs(kit: Kit, tailoring: Tailoring | undefined): Record<string, unknown>;
  compose(loc: Localization, options: BuildOptions): ComposedDocument[];
}
