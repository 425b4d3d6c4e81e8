import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { engine } from './pdfmake.js';
import { defaultStyle } from './font-set.js';
import { withFontRuns } from './font-runs.js';
import { mm } from '../print/units.js';
import { finishedBytes, setPageEntries, writeTags, type RenderedDocument } from './engine.js';
import { tagTree, type OtherLanguage } from './tag-tree.js';
import { markOtherDirections } from './paragraph-direction.js';
import { layOutFor } from './mirror-layout.js';
import { pageLanguage } from '../i18n/page-language.js';
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
  /** Passages printed in another language (Danish where a translation is missing), marked with theirs. */
  otherLanguage?: OtherLanguage;
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

/** The PDF version the files declare: PDF/UA-1 is defined on PDF 1.7 (ISO 32000-1). */
export const PDF_VERSION = '1.7';

/** Renders one document definition to PDF bytes. A fresh definition every call: pdfmake mutates it. */
export async function renderPdf(req: PdfRequest): Promise<{ bytes: Buffer; pages: number }> {
  const [top, right, bottom, left] = req.page.margins ?? [0, 0, 0, 0];
  // Split by face before the structure is made: tagTree points the very nodes pdfmake lays out at their elements.
  const content = withFontRuns(req.content);
  const structure = tagTree(content, req.meta.language, req.meta.otherLanguage);
  const direction = pageLanguage(req.meta.language).dir;
  // After the structure is taken from the content: a reader reads a mirrored row from its first cell, on the right.
  const forDirection = <T>(part: T): T => layOutFor(markOtherDirections(part, direction, req.meta.otherLanguage), direction);
  const laidOut = <T>(part: T): T => (typeof part === 'function' ? (((...args: unknown[]) => forDirection(part(...args))) as T) : forDirection(part));
  const def: TDocumentDefinitions = {
    pageSize: { width: mm(req.page.width), height: mm(req.page.height) },
    pageMargins: [mm(left), mm(top), mm(right), mm(bottom)],
    content: forDirection(content),
    header: laidOut(withRunsOf(req.header)),
    footer: laidOut(withRunsOf(req.footer)),
    background: laidOut(withRunsOf(req.background)),
    pageBreakBefore: req.pageBreakBefore,
    language: req.meta.language,
    // Viewers then show the title in their window and tab, not the file name (WCAG 2.4.2 for PDF).
    displayTitle: true,
    version: PDF_VERSION,
    // Tagged PDF (PDF/UA-1): a structure tree read in order, and the identifier in the XMP metadata.
    tagged: true,
    subset: 'PDF/UA',
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
    defaultStyle: defaultStyle(),
    compress: true,
  } as TDocumentDefinitions;
  const doc = engine().createPdf(def, { bufferPages: true });
  const kit = (await doc.getStream()) as unknown as RenderedDocument;
  writeTags(kit, structure);
  const pages = setPageEntries(kit, (i, height) => {
    const boxes = req.pageBoxes?.[i];
    const turn = req.pageTurns?.[i];
    const window = req.pageWindows?.[i];
    return {
      ...(boxes ? { TrimBox: pdfBox(boxes.trim, height), BleedBox: pdfBox(boxes.bleed, height) } : {}),
      ...(window ? { MediaBox: pdfBox(window, height) } : {}),
      ...(turn ? { Rotate: turn } : {}),
    };
  });
  return { bytes: finishedBytes(await doc.getBuffer()), pages };
}

/** A header, footer or background whose texts are split by face (font-runs.ts) as the content's are. */
function withRunsOf<T>(part: T): T {
  if (typeof part !== 'function') return withFontRuns(part);
  return ((...args: unknown[]) => withFontRuns((part as (...a: unknown[]) => unknown)(...args))) as T;
}

/** PDF boxes count from the bottom left, in points. */
function pdfBox(r: Rect, pageHeightPt: number): number[] {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return [round(mm(r.x)), round(pageHeightPt - mm(r.y + r.height)), round(mm(r.x + r.width)), round(pageHeightPt - mm(r.y))];
}
