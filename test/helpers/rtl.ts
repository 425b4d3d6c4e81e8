import type { Content, DynamicContent } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../src/render/render.js';
import { readPdf, type PdfText } from './pdf.js';

// Right-to-left documents drawn through the engine (their Arabic letters from Noto Sans Arabic,
// the rest from Source Sans 3, as the font fallback chooses) and read back as a reader's PDF
// viewer reads them.

const PAGE = { width: 120, height: 140, margins: [10, 15, 10, 15] as [number, number, number, number] };
const MM = 72 / 25.4;
export const RIGHT_EDGE = (PAGE.width - PAGE.margins[1]) * MM;
export const LEFT_EDGE = PAGE.margins[3] * MM;

/** A document in `language` on an A7-sized page; `fallbacks` are its Danish paragraphs. */
export async function renderBytes(language: string, content: Content, fallbacks: string[] = [], footer?: DynamicContent): Promise<Buffer> {
  const { bytes } = await renderPdf({
    meta: { title: 't', author: 'a', subject: 's', keywords: '', creator: 'kernekit', language, date: new Date(0), otherLanguage: { language: 'da', texts: new Set(fallbacks) } },
    page: PAGE,
    content,
    ...(footer ? { footer } : {}),
  });
  return bytes;
}

/** The first page of such a document, read back. */
export const render = async (...args: Parameters<typeof renderBytes>) => (await readPdf(await renderBytes(...args))).pages[0]!;

/** The page's text pieces by line (top to bottom), each line's pieces from left to right. */
export function lines(texts: PdfText[]): PdfText[][] {
  const rows = new Map<number, PdfText[]>();
  for (const t of texts) {
    const y = Math.round(t.y);
    rows.set(y, [...(rows.get(y) ?? []), t]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row.sort((a, b) => a.x - b.x));
}

export const rightEnd = (line: PdfText[]) => Math.max(...line.map((t) => t.x + t.width));
export const leftEnd = (line: PdfText[]) => Math.min(...line.map((t) => t.x));
/** A right-to-left line as it is read: its pieces from right to left, a space between each two. */
export const readRtl = (line: PdfText[]) => [...line].reverse().map((t) => t.str).join(' ').replace(/\s+/g, ' ').trim();
