import type { DocumentFamily } from '../content/model.js';
import type { Localization } from '../i18n/translator.js';
import type { Duplex } from '../print/imposition.js';
import type { PaperName, Size } from '../print/paper.js';
import type { PdfRequest } from '../render/render.js';
import type { Tailoring } from '../plan/tailoring.js';

/** The options of one build that shape the documents (already validated). */
export interface BuildOptions {
  paper: PaperName;
  card: Size;
  cardSizeName: string;
  duplex: Duplex;
  bleed: number;
  imposition: 'sheet' | 'single';
  /** Creation date written into every PDF. */
  date: Date;
  version: string;
  /** The facilitator's own meeting (--participants, --groups, --start); absent parts use the kit's defaults. */
  tailoring?: Tailoring;
}

/** One PDF to be written: its file name inside `<out>/<lang>/` and what to render. */
export interface ComposedDocument {
  family: DocumentFamily;
  file: string;
  title: string;
  pdf: PdfRequest;
}

/** A document family: knows its data, its layouts and its file names, nothing else. */
export interface Family {
  id: DocumentFamily;
  compose(loc: Localization, options: BuildOptions): Promise<ComposedDocument[]>;
}
