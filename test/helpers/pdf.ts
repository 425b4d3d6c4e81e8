import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text as a reader sees it: position from the page's top left, in points. */
export interface PdfText {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
  /** All text of the page in reading order, whitespace folded, inserted line-end hyphens undone. */
  text: string;
  trimBox?: number[];
  bleedBox?: number[];
}

export interface PdfFile {
  pages: PdfPage[];
  info: Record<string, unknown>;
  language: string | undefined;
  /** Every font the file uses is embedded (has a FontFile stream). */
  fontsEmbedded: boolean;
  fontCount: number;
}

export async function readPdf(source: string | Buffer): Promise<PdfFile> {
  const raw = typeof source === 'string' ? readFileSync(source) : source;
  const doc = await getDocument({ data: new Uint8Array(raw), verbosity: 0, isEvalSupported: false }).promise;
  const latin1 = raw.toString('latin1');
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , w, h] = page.view as number[];
    const content = await page.getTextContent();
    const texts: PdfText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a, , , , e, f] = item.transform as number[];
      texts.push({ str: item.str, x: e!, y: h! - f!, width: item.width, fontSize: Math.abs(a!) });
    }
    const dict = objectText(latin1, page.ref?.num);
    pages.push({
      width: w!,
      height: h!,
      texts,
      text: normalize(texts.map((t) => t.str).join(' ')),
      trimBox: box(dict, 'TrimBox'),
      bleedBox: box(dict, 'BleedBox'),
    });
  }
  const meta = await doc.getMetadata();
  const info = meta.info as Record<string, unknown>;
  const descriptors = latin1.match(/\/Type \/FontDescriptor[\s\S]*?>>/g) ?? [];
  await doc.destroy();
  return {
    pages,
    info,
    language: info.Language as string | undefined,
    fontCount: descriptors.length,
    fontsEmbedded: descriptors.length > 0 && descriptors.every((d) => /\/FontFile[23]? /.test(d)),
  };
}

/**
 * Text as compared in tests: whitespace folded, and hyphens between letters dropped, since
 * a line may end at a word's own hyphen ("MED-|udvalg") or at one the layout inserted
 * ("kerneopga-|veløsningen"). Apply it to both sides of a comparison.
 */
export function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(\p{L})-\s?(?=\p{L})/gu, '$1')
    .replace(/\/ (?=\p{L})/gu, '/')
    .trim();
}

function objectText(raw: string, num: number | undefined): string {
  if (num === undefined) return '';
  const start = raw.indexOf(`\n${num} 0 obj`);
  if (start < 0) return '';
  return raw.slice(start, raw.indexOf('endobj', start));
}

function box(dict: string, name: string): number[] | undefined {
  const m = new RegExp(`/${name} \\[([^\\]]+)\\]`).exec(dict);
  return m ? m[1]!.trim().split(/\s+/).map(Number) : undefined;
}
