import { visitNodes, type NodeRecord } from './nodes.js';

// What each node of a document is for a reader (PDF/UA structure). A layout or a view
// declares it beside the node, `tag: 'H2'` or `tag: { role: 'Figure', alt: '…' }` (with
// `order: n` where it is read at another place among its siblings than it is drawn: a card's
// number sits at its foot but is read before its text); the rest
// follows from the node itself: a text with no tag of its own is a paragraph, a list is a
// list (L, LI, Lbl for its bullet, LBody), a table declared 'Table' gets rows and header
// cells from its headerRows, and whatever is declared 'Artifact' is not read at all.
// tagTree resolves the declarations of a finished document into one tree, in reading order
// (the order the document lists its nodes), and leaves each node pointing at its element;
// tag-marking.ts carries that through pdfmake's layout into the PDF.

/** The roles a layout or view may declare. */
export type Role = 'Art' | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'Figure' | 'Caption' | 'Table' | 'TOC' | 'Note' | 'Artifact';

export type TagDeclaration = Role | { role: Role; alt?: string; lang?: string; order?: number };

/** One structure element of the document, before it is written. */
export interface Tag {
  /** A declared role, or one that follows from the nodes: Document, L, LI, Lbl, LBody, TR, TH, TD, Link. */
  role: string;
  parent?: Tag;
  /** Its elements, in reading order. */
  children: Tag[];
  alt?: string;
  lang?: string;
  scope?: 'Column';
  /** How many columns a table cell spans, when more than one. */
  colSpan?: number;
}

/** What is drawn but not read: rules, bands, cut lines, page furniture. */
export const ARTIFACT: Tag = { role: 'Artifact', children: [] };

/** The property of a pdfmake node (and of what pdfmake lays out from it) that holds its element. */
export const TAG = 'tagElement';
/** The property of a list item that holds the element of its bullet. */
export const MARKER_TAG = 'markerTagElement';

/** Roles whose text is theirs directly (a card's article holds its few lines itself); text inside any other role is a paragraph of its own. */
const TEXT_ROLES = new Set(['Art', 'P', 'H1', 'H2', 'H3', 'H4', 'TH', 'TD', 'Lbl', 'LBody', 'Caption', 'Figure', 'Link', 'Note']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4']);
/** Keys whose records are nodes pdfmake lays out; a record under `text` is an inline run of its node. */
const NODE_KEYS = ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'image', 'svg', 'canvas', 'toc'];
const BLOCK_LISTS = ['stack', 'columns', 'ul', 'ol'] as const;

/**
 * Points a node at its element. Not enumerable: the walkers and pdfmake's copies of a node
 * go through its own content, never into the tree.
 */
function point(record: NodeRecord, key: typeof TAG | typeof MARKER_TAG, tag: Tag): Tag {
  Object.defineProperty(record, key, { value: tag, writable: true, configurable: true, enumerable: false });
  return tag;
}

export function addTag(parent: Tag, role: string, extra: Partial<Pick<Tag, 'alt' | 'lang' | 'scope' | 'colSpan'>> = {}): Tag {
  const tag: Tag = { role, parent, children: [], ...extra };
  parent.children.push(tag);
  return tag;
}

/** Passages in another language than the document's: their exact texts (a Danish fallback in an English kit). */
export interface OtherLanguage {
  language: string;
  texts: { has(text: string): boolean };
}

/**
 * The structure of `content`, a document in `language`: the Document element it is read
 * from. Every node pdfmake lays out gets its element under TAG; bare strings where a node
 * could stand become text nodes (as pdfmake itself makes them), so they can carry one.
 */
export function tagTree(content: unknown, language: string, other?: OtherLanguage): Tag {
  const root: Tag = { role: 'Document', children: [], lang: language };
  const orders = new Map<Tag, number>();
  visitNodes(content, root, (record, parent, key) => {
    if (key === 'text' || !NODE_KEYS.some((k) => k in record)) return parent;
    if (parent === ARTIFACT) return ARTIFACT;
    textNodes(record);
    const declared = declaration(record.tag);
    if (declared?.role === 'Artifact') return point(record, TAG, ARTIFACT);
    const base = (record[TAG] as Tag | undefined) ?? parent;
    // A table of contents holds its entries only: its title is a heading read before it.
    const heading = declared !== undefined && HEADINGS.has(declared.role) && base.role === 'TOC';
    let tag = heading ? headingBefore(base, declared.role) : declared ? addTag(base, declared.role, { ...(declared.alt ? { alt: declared.alt } : {}), ...(declared.lang ? { lang: declared.lang } : {}) }) : base;
    if (declared?.order !== undefined) orders.set(tag, declared.order);
    if (record.text !== undefined && !TEXT_ROLES.has(tag.role)) tag = addTag(tag, 'P');
    if (other && typeof record.text === 'string' && other.texts.has(record.text)) {
      if (tag === base) tag = addTag(base, 'P');
      tag.lang = other.language;
    }
    // A malformed list or table is left to pdfmake, whose error names it.
    const items = record.ul ?? record.ol;
    if (Array.isArray(items)) tag = list(tag, items.filter(isRecord));
    const spec = record.table as TableSpec | undefined;
    if (spec && Array.isArray(spec.body) && tag.role === 'Table') table(tag, spec);
    return point(record, TAG, tag);
  });
  if (orders.size > 0) inDeclaredOrder(root, orders);
  return root;
}

/** Siblings read in the order they declare, those declaring none first, each group as listed (a stable sort). */
function inDeclaredOrder(tag: Tag, orders: ReadonlyMap<Tag, number>): void {
  tag.children.sort((a, b) => (orders.get(a) ?? 0) - (orders.get(b) ?? 0));
  for (const child of tag.children) inDeclaredOrder(child, orders);
}

const isRecord = (value: unknown): value is NodeRecord => value !== null && typeof value === 'object' && !Array.isArray(value);

function declaration(value: unknown): { role: Role; alt?: string; lang?: string; order?: number } | undefined {
  if (typeof value === 'string') return { role: value as Role };
  if (value && typeof value === 'object') return value as { role: Role };
  return undefined;
}

/** Bare strings among a node's blocks become text nodes, as pdfmake makes them when it lays them out. */
function textNodes(record: NodeRecord): void {
  for (const k of BLOCK_LISTS) {
    const list = record[k];
    if (Array.isArray(list)) asTextNodes(list);
  }
  const body = (record.table as TableSpec | undefined)?.body;
  if (Array.isArray(body)) for (const row of body) if (Array.isArray(row)) asTextNodes(row);
}

const asTextNodes = (list: unknown[]) => list.forEach((item, i) => typeof item === 'string' && (list[i] = { text: item }));

/** A heading read just before `tag`, among its siblings (a table's or a table of contents' title). */
function headingBefore(tag: Tag, role: string): Tag {
  const siblings = tag.parent!.children;
  const h: Tag = { role, parent: tag.parent, children: [] };
  siblings.splice(siblings.indexOf(tag), 0, h);
  return h;
}

/** A list: each item an LI of its bullet (Lbl) and its body (LBody). */
function list(parent: Tag, items: NodeRecord[]): Tag {
  const l = addTag(parent, 'L');
  for (const item of items) {
    const li = addTag(l, 'LI');
    point(item, MARKER_TAG, addTag(li, 'Lbl'));
    point(item, TAG, addTag(li, 'LBody'));
  }
  return l;
}

interface TableSpec {
  body: NodeRecord[][];
  headerRows?: number;
}

/**
 * A table's rows and cells: its header rows' cells are column headers (TH), the rest data
 * (TD). A header row that holds a heading (the section's title a layout puts over its
 * table, so the two repeat together) is that heading, read before the table.
 */
function table(tag: Tag, spec: TableSpec): void {
  const headerRows = spec.headerRows ?? 0;
  spec.body.forEach((cells, i) => {
    if (!Array.isArray(cells)) return;
    const row = cells.filter(isRecord);
    const heading = row.find((cell) => HEADINGS.has(declaration(cell.tag)?.role ?? ''));
    if (heading) {
      point(heading, TAG, headingBefore(tag, declaration(heading.tag)!.role));
      delete heading.tag;
      return;
    }
    const tr = addTag(tag, 'TR');
    let spanned = 0;
    for (const cell of row) {
      // The cells a wider one covers are placeholders pdfmake skips.
      if (spanned > 0) {
        spanned--;
        continue;
      }
      spanned = typeof cell.colSpan === 'number' ? cell.colSpan - 1 : 0;
      const span = spanned > 0 ? { colSpan: spanned + 1 } : {};
      point(cell, TAG, i < headerRows ? addTag(tr, 'TH', { scope: 'Column', ...span }) : addTag(tr, 'TD', span));
    }
  });
}
