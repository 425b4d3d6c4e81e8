import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { engine } from './pdfmake.js';
import { DEFAULT_STYLE } from './fonts.js';
import { mm } from '../print/units.js';
import { uniqueSubsetTags } from './subset-tags.js';
import type { Rect, Turn } from '../print/imposition.js';

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  /** BCP 47 tag, written as /Lang. */
  language: string;
  /** Creation and modification date; fixed, so the same input gives the same bytes. */
  date: Date;
}

export interface PageSetup {
  /** Millimetres. */
  width: number;
  height: number;
  /** Millimetres: top, right, bottom, left. */
  margins?: [number, number, number, number];
}

export interface PdfRequest {
  meta: PdfMeta;
  page: PageSetup;
  content: Content;
  header?: TDocumentDefinitions['header'];
  footer?: TDocumentDefinitions['footer'];
  background?: TDocumentDefinitions['background'];
  /** Print-shop boxes per page (millimetres, from the top left), for single-card imposition. */
  pageBoxes?: Array<{ trim: Rect; bleed: Rect }>;
  /**
   * Per page, the part of the laid-out page that is the paper (millimetres from the top left;
   * may reach past the layout): a tiled poster lays out the whole poster on every page and
   * shows each sheet its own part of it.
   */
  pageWindows?: Rect[];
  /** Per page, how a viewer and printer turn it (PDF /Rotate); pages beyond the list stay as laid out. */
  pageTurns?: Turn[];
  /** pdfmake's callback to add a page break before a node once the document is laid out. */
  pageBreakBefore?: TDocumentDefinitions['pageBreakBefore'];
}

/** The PDF version the files declare: the lowest that covers the features they use. */
export const PDF_VERSION = '1.4';

/** Renders one document definition to PDF bytes. A fresh definition every call: pdfmake mutates it. */
export async function renderPdf(req: PdfRequest): Promise<{ bytes: Buffer; pages: number }> {
  const [top, right, bottom, left] = req.page.margins ?? [0, 0, 0, 0];
  const def: TDocumentDefinitions = {
    pageSize: { width: mm(req.page.width), height: mm(req.page.height) },
    pageMargins: [mm(left), mm(top), mm(right), mm(bottom)],
    content: req.content,
    header: req.header,
    footer: req.footer,
    background: req.background,
    pageBreakBefore: req.pageBreakBefore,
    language: req.meta.language,
    // Viewers then show the title in their window and tab, not the file name (WCAG 2.4.2 for PDF).
    displayTitle: true,
    // What every file uses needs PDF 1.4: the catalog's /Lang and pdfkit's constant opacity
    // (ExtGState /CA). pdfmake would declare 1.3, which a print shop's preflight rightly flags.
    version: PDF_VERSION,
    info: {
      title: req.meta.title,
      author: req.meta.author,
      subject: req.meta.subject,
      keywords: req.meta.keywords,
      creator: req.meta.creator,
      producer: req.meta.creator,
      creationDate: req.meta.date,
      modDate: req.meta.date,
    },
    defaultStyle: { ...DEFAULT_STYLE },
    compress: true,
  } as TDocumentDefinitions;
  const doc = engine().createPdf(def, { bufferPages: true });
  const kit = (await doc.getStream()) as unknown as PdfKitDoc;
  const range = kit.bufferedPageRange();
  if (req.pageBoxes) {
    for (let i = 0; i < range.count; i++) {
      const boxes = req.pageBoxes[i];
      if (!boxes) continue;
      kit.switchToPage(range.start + i);
      const height = kit.page.height;
      kit.page.dictionary.data.TrimBox = pdfBox(boxes.trim, height);
      kit.page.dictionary.data.BleedBox = pdfBox(boxes.bleed, height);
    }
  }
  for (const [i, window] of (req.pageWindows ?? []).entries()) {
    kit.switchToPage(range.start + i);
    kit.page.dictionary.data.MediaBox = pdfBox(window, kit.page.height);
  }
  for (const [i, turn] of (req.pageTurns ?? []).entries()) {
    if (turn === 0 || i >= range.count) continue;
    kit.switchToPage(range.start + i);
    kit.page.dictionary.data.Rotate = turn;
  }
  const bytes = uniqueSubsetTags(await doc.getBuffer());
  return { bytes, pages: range.count };
}

/** PDF boxes count from the bottom left, in points. */
function pdfBox(r: Rect, pageHeightPt: number): number[] {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return [round(mm(r.x)), round(pageHeightPt - mm(r.y + r.height)), round(mm(r.x + r.width)), round(pageHeightPt - mm(r.y))];
}

interface PdfKitDoc {
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): void;
  page: { height: number; width: number; dictionary: { data: Record<string, unknown> } };
}
