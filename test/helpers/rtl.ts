import { readFileSync } from 'node:fs';
import type { Content, DynamicContent } from 'pdfmake/interfaces.js';
import { engine } from '../../src/render/pdfmake.js';
import { renderPdf } from '../../src/render/render.js';
import { readPdf, type PdfText } from './pdf.js';

// Right-to-left documents drawn through the engine, with Noto Sans Arabic on their nodes and
// the kit's Source Sans 3 on the runs Noto lacks (×, brackets, Latin letters), as per-run font
// fallback gives them; read back as a reader's PDF viewer reads them.

export const ARABIC = 'NotoSansArabic';
export const LATIN = 'SourceSans3';
const PAGE = { width: 120, height: 140, margins: [10, 15, 10, 15] as [number, number, number, number] };
const MM = 72 / 25.4;
export const RIGHT_EDGE = (PAGE.width - PAGE.margins[1]) * MM;
export const LEFT_EDGE = PAGE.margins[3] * MM;

function registerArabic(): void {
  const pm = engine();
  if (pm.fonts[ARABIC]) return;
  for (const style of ['Regular', 'Bold']) pm.virtualfs.writeFileSync(`fonts/NotoSansArabic-${style}.ttf`, readFileSync(`fonts/NotoSansArabic-${style}.ttf`));
  const regular = 'fonts/NotoSansArabic-Regular.ttf';
  const bold = 'fonts/NotoSansArabic-Bold.ttf';
  pm.fonts[ARABIC] = { normal: regular, bold, italics: regular, bolditalics: bold };
}

/** A document in `language` on an A7-sized page; `fallbacks` are its Danish paragraphs. */
export async function renderBytes(language: string, content: Content, fallbacks: string[] = [], footer?: DynamicContent): Promise<Buffer> {
  registerArabic();
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
/** A right-to-left line as it is read: its pieces from right to left. */
export const readRtl = (line: PdfText[]) => [...line].reverse().map((t) => t.str).join('');

export const ar = (text: string) => ({ text, font: ARABIC });
export const latin = (text: string) => ({ text, font: LATIN });
