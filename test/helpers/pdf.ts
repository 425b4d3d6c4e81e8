import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text as a reader sees it: position from the page's top left as shown (after /Rotate), in points. */
export interface PdfText {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** Direction of the baseline as shown, in degrees clockwise: 0 left to right, 90 top to bottom. */
  angle: number;
}

export interface PdfPage {
  /** As shown, after the page's /Rotate. */
  width: number;
  height: number;
  /** The page's /Rotate, in degrees clockwise. */
  rotate: number;
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
  /** The PostScript name of each embedded font, without its subset tag (`NotoSansEthiopic-Regular`), as a font list shows it. */
  fonts: string[];
}

export async function readPdf(source: string | Buffer): Promise<PdfFile> {
  const raw = typeof source === 'string' ? readFileSync(source) : source;
  const doc = await getDocument({ data: new Uint8Array(raw), verbosity: 0, isEvalSupported: false }).promise;
  const latin1 = raw.toString('latin1');
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const texts: PdfText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      const [x, y] = viewport.convertToViewportPoint(e!, f!);
      const [x2, y2] = viewport.convertToViewportPoint(e! + a!, f! + b!);
      const angle = Math.round((Math.atan2(y2! - y!, x2! - x!) * 180) / Math.PI + 360) % 360;
      texts.push({ str: item.str, x: x!, y: y!, width: item.width, fontSize: Math.hypot(c!, d!), angle });
    }
    const dict = objectText(latin1, page.ref?.num);
    pages.push({
      width: viewport.width,
      height: viewport.height,
      rotate: page.rotate,
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
    fonts: descriptors.map((d) => /\/FontName \/(?:[A-Z]{6}\+)?([^\s/]+)/.exec(d)?.[1] ?? '').sort(),
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
