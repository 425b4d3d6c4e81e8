import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A structure element as pdf.js shows it to a browser's reader: its role, alt, language and text. */
export interface Element {
  role: string;
  alt?: string;
  lang?: string;
  /** Its own text and its elements', in reading order, whitespace folded. */
  text: string;
  children: Element[];
}

interface PdfjsNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: PdfjsNode[];
}

/** Each page's structure tree, its marked content resolved to text (pdf.js reads a tree page by page). */
export async function structure(bytes: Buffer): Promise<Element[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: Element[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const texts = new Map<string, string>();
    let open: string[] = [];
    for (const item of content.items as Array<{ type?: string; id?: string; str?: string; hasEOL?: boolean }>) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
      else if (item.type === 'endMarkedContent') open = open.slice(0, -1);
      else if (item.str !== undefined) {
        const id = open[open.length - 1] ?? '';
        texts.set(id, (texts.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
      }
    }
    const convert = (node: PdfjsNode): Element => {
      const kids = (node.children ?? []).filter((k) => k.type !== 'annotation');
      const children = kids.filter((k) => k.role !== undefined).map(convert);
      const parts = kids.map((k) => (k.role !== undefined ? children[kids.filter((x) => x.role !== undefined).indexOf(k)]!.text : k.type === 'content' ? texts.get(k.id!) ?? '' : ''));
      return { role: node.role ?? 'Root', ...(node.alt ? { alt: node.alt } : {}), ...(node.lang ? { lang: node.lang } : {}), text: fold(parts.join(' ')), children };
    };
    const tree = (await page.getStructTree()) as PdfjsNode | null;
    if (tree) pages.push(convert(tree));
  }
  await doc.destroy();
  return pages;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every element of the trees, depth first, in reading order. */
export function elements(trees: Element[]): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    out.push(e);
    e.children.forEach(walk);
  };
  trees.forEach(walk);
  return out;
}

const HELPERS = import.meta.dirname;

/** The Matterhorn points test/helpers/pdfua_check.py finds failed, per file. */
export function matterhorn(files: string[]): Map<string, string[]> {
  let output: string;
  try {
    output = execFileSync('/usr/bin/python3', [join(HELPERS, 'pdfua_check.py'), ...files], { encoding: 'utf8', timeout: 60_000 });
  } catch (err) {
    output = String((err as { stdout?: string }).stdout ?? '');
    if (!output) throw err;
  }
  return new Map(output.trim().split('\n').map((line) => {
    const { file, failures } = JSON.parse(line) as { file: string; failures: string[] };
    return [file, failures];
  }));
}

/** Writes one copy of `file` per defect kind into `dir` (pdfua_defects.py); their paths by kind. */
export function defects(file: string, dir: string): Map<string, string> {
  const output = execFileSync('/usr/bin/python3', [join(HELPERS, 'pdfua_defects.py'), file, dir], { encoding: 'utf8', timeout: 60_000 });
  return new Map(Object.entries(JSON.parse(output) as Record<string, string>));
}
