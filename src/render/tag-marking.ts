import { ARTIFACT, MARKER_TAG, TAG, type Tag } from './tag-tree.js';
import { TURN_BEGIN, TURN_END } from './turn.js';

// Carries each node's structure element (tag-tree.ts) through pdfmake's layout into what it
// draws, and marks the drawing in the PDF's content as that element's or as an artifact.
// pdfmake has no hook for this: its layout turns nodes into page items (lines, shapes,
// images) that no longer know their node. So, while a node is laid out, its element is the
// current one, and each item made then is stamped with it; repeated table headers and page
// furniture are stamped as artifacts. At render time, consecutive items of one element
// share one marked-content sequence. The elements are written once the pages are drawn, in
// the tree's reading order, with the content each one marked. Applied by engine.ts.

type Stamped = Record<string, unknown>;
type Method = (this: unknown, ...args: unknown[]) => unknown;
interface Prototype {
  [method: string]: Method;
}

/** The element being laid out (the innermost node that has one). */
const current: Tag[] = [];

/** Runs `method` of `proto` as `around` says; `around` gets the original and its arguments. */
function wrap(proto: Prototype, method: string, around: (this: never, original: Method, args: unknown[]) => unknown): void {
  const original = proto[method]!;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    return around.call(this as never, original, args);
  };
}

function within(tag: Tag | undefined, run: () => unknown): unknown {
  if (!tag) return run();
  current.push(tag);
  try {
    return run();
  } finally {
    current.pop();
  }
}

export interface LayoutClasses {
  LayoutBuilder: { prototype: Prototype };
  ElementWriter: { prototype: Prototype };
  PageElementWriter: { prototype: Prototype };
}

/** Stamps every page item with the element of the node it was laid out from. */
export function stampLayout({ LayoutBuilder, ElementWriter, PageElementWriter }: LayoutClasses): void {
  wrap(LayoutBuilder.prototype, 'tryLayoutDocument', function (original, args) {
    current.length = 0;
    return original.apply(this, args);
  });
  wrap(LayoutBuilder.prototype, 'processNode', function (original, args) {
    return within((args[0] as Stamped)[TAG] as Tag | undefined, () => original.apply(this, args));
  });
  // Backgrounds, running heads and feet are laid out with the pages, outside any node.
  for (const furniture of ['addBackground', 'addDynamicRepeatable']) {
    wrap(LayoutBuilder.prototype, furniture, function (original, args) {
      return within(ARTIFACT, () => original.apply(this, args));
    });
  }
  // A list's bullets are laid out as part of its items' first lines; each is its item's label.
  wrap(LayoutBuilder.prototype, 'processList', function (original, args) {
    const node = args[1] as { ul?: Stamped[]; ol?: Stamped[] };
    for (const item of node.ul ?? node.ol ?? []) {
      const marker = item.listMarker as { canvas?: Stamped[] } | undefined;
      if (marker?.canvas?.[0] && item[MARKER_TAG]) marker.canvas[0][TAG] = item[MARKER_TAG];
    }
    return original.apply(this, args);
  });
  for (const add of ['addLine', 'addImage', 'addSVG', 'addVector']) {
    wrap(ElementWriter.prototype, add, function (original, args) {
      const item = args[0] as Stamped;
      item[TAG] ??= current[current.length - 1];
      return original.apply(this, args);
    });
  }
  // A table's header rows, drawn again at the top of each page it runs onto, are read once.
  wrap(PageElementWriter.prototype, 'moveToNextPage', function (this: PageWriter, original, args) {
    const writer = this;
    const addFragment = writer.addFragment;
    writer.addFragment = (...fragment: unknown[]) => {
      const items = writer.context().getCurrentPage().items;
      const before = items.length;
      const added = addFragment.apply(writer, fragment);
      for (const { item } of items.slice(before)) item[TAG] = ARTIFACT;
      return added;
    };
    try {
      return original.apply(writer, args);
    } finally {
      delete (writer as Partial<PageWriter>).addFragment;
    }
  });
}

interface PageWriter {
  addFragment(...args: unknown[]): unknown;
  context(): { getCurrentPage(): { items: Array<{ item: Stamped }> } };
}

/** The part of pdfkit's document that marks content and builds structure. */
interface TaggedDocument {
  options: { tagged?: boolean };
  markContent(tag: string): void;
  markStructureContent(tag: string): object;
  endMarkedContent(): void;
  struct(role: string, options: object): StructElement;
  addStructure(element: StructElement): void;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): void;
  addPage(...args: unknown[]): unknown;
  text(...args: unknown[]): unknown;
  annotate(...args: unknown[]): unknown;
  createStructParentTreeNextKey(): number;
  getStructParentTree(): { add(key: number, value: unknown): void };
  [MARKING]?: Marking;
}

interface StructElement {
  dictionary: { data: Record<string, unknown> };
  add(child: unknown): void;
  end(): void;
}

const MARKING = Symbol('marking');

/** A link's element, made while its text is drawn, with the page its annotations are on. */
interface LinkElement {
  element: StructElement;
  page: number;
}

/** The marked content of one document as it is drawn: what each element holds, in drawing order. */
class Marking {
  private open: Tag | undefined;
  /** Per element, what was marked for it, each with its place in the drawing order. */
  readonly held = new Map<Tag, Array<{ order: number; kid: object | LinkElement }>>();
  private drawn = 0;
  /** Each table of contents' entries (TOCI) by their destination: an entry's title and page number are two links to one place. */
  private readonly entries = new Map<Tag, Map<string, StructElement>>();

  constructor(private readonly doc: TaggedDocument) {}

  enter(tag: Tag): void {
    if (this.open === tag) return;
    this.close();
    // A table of contents is read as its title and entries (TOCI); what else it draws (pdfmake's colour fills between them) is not read.
    if (tag === ARTIFACT || tag.role === 'TOC') this.doc.markContent('Artifact');
    else this.hold(tag, this.doc.markStructureContent(tag.role));
    this.open = tag;
  }

  close(): void {
    if (this.open === undefined) return;
    this.doc.endMarkedContent();
    this.open = undefined;
  }

  hold(tag: Tag, kid: object | LinkElement): void {
    const entry = { order: this.drawn++, kid };
    const list = this.held.get(tag);
    if (list) list.push(entry);
    else this.held.set(tag, [entry]);
  }

  /** A link is its element's, or, in a table of contents, its entry's (TOCI), made when the entry's first link is drawn. */
  private holdLink(tag: Tag, target: string, link: StructElement): void {
    if (tag.role !== 'TOC') return this.hold(tag, { element: link, page: currentPage(this.doc) });
    let entries = this.entries.get(tag);
    if (!entries) this.entries.set(tag, (entries = new Map()));
    const known = entries.get(target);
    if (known) return known.add(link);
    const entry = this.doc.struct('TOCI', {});
    entry.add(link);
    entries.set(target, entry);
    this.hold(tag, { element: entry, page: currentPage(this.doc) });
  }

  /**
   * Draws a line's inlines; a link's words go into a Link element of their own, one marked
   * sequence for the words of one link on the line, with the link's annotations (one per
   * word, as pdfkit makes them) and its whole text as each annotation's /Contents.
   */
  drawLinks(tag: Tag, inlines: Array<{ text: string; link?: string; linkToDestination?: string }>, draw: () => unknown): unknown {
    const doc = this.doc;
    const { text, annotate } = doc;
    const target = (i: number) => inlines[i]?.link ?? inlines[i]?.linkToDestination;
    let index = 0;
    /** The link whose marked content is open. */
    let link: { target: string; element: StructElement; contents: string } | undefined;
    const closeLink = () => {
      if (!link) return;
      doc.endMarkedContent();
      link = undefined;
    };
    doc.text = (...args: unknown[]) => {
      const i = index++;
      const to = target(i);
      if (to === undefined) {
        closeLink();
        this.enter(tag);
        return text.apply(doc, args);
      }
      if (link?.target !== to) {
        closeLink();
        this.close();
        let end = i;
        while (target(end + 1) === to) end++;
        const contents = inlines.slice(i, end + 1).map((inline) => inline.text).join('').trim();
        link = { target: to, element: doc.struct('Link', {}), contents };
        this.holdLink(tag, to, link.element);
        link.element.add(doc.markStructureContent('Link'));
      }
      const { element, contents } = link;
      doc.annotate = (...annotation: unknown[]) => {
        const options = annotation[4] as Record<string, unknown>;
        options.Contents = new String(contents);
        options.structParent = element;
        return annotate.apply(doc, annotation);
      };
      try {
        return text.apply(doc, args);
      } finally {
        delete (doc as Partial<TaggedDocument>).annotate;
      }
    };
    try {
      return draw();
    } finally {
      closeLink();
      delete (doc as Partial<TaggedDocument>).text;
    }
  }
}

const currentPage = (doc: TaggedDocument) => {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
};

/** The element a shape or image is drawn for: a figure's, or a bullet's; any other is an artifact. */
function graphicTag(tag: Tag | undefined): Tag {
  for (let t = tag; t; t = t.parent) if (t.role === 'Figure' || t.role === 'Lbl') return t;
  return ARTIFACT;
}

interface RendererThis {
  pdfDocument: TaggedDocument;
}

/** Marks what the renderer draws, in documents made with `tagged: true`. */
export function markRendering(Renderer: { prototype: Prototype }): void {
  const marking = (renderer: RendererThis) => renderer.pdfDocument[MARKING];
  wrap(Renderer.prototype, 'renderPages', function (this: RendererThis, original, args) {
    const doc = this.pdfDocument;
    if (!doc.options.tagged) return original.apply(this, args);
    const m = (doc[MARKING] = new Marking(doc));
    // A marked-content sequence never runs from one page onto the next.
    const addPage = doc.addPage;
    doc.addPage = (...page: unknown[]) => {
      m.close();
      return addPage.apply(doc, page);
    };
    try {
      return original.apply(this, args);
    } finally {
      m.close();
      delete (doc as Partial<TaggedDocument>).addPage;
    }
  });
  wrap(Renderer.prototype, 'renderLine', function (this: RendererThis, original, args) {
    const m = marking(this);
    if (!m) return original.apply(this, args);
    const line = args[0] as Stamped & { inlines: Array<{ text: string; link?: string; linkToDestination?: string }> };
    const tag = (line[TAG] as Tag | undefined) ?? ARTIFACT;
    m.enter(tag);
    if (tag === ARTIFACT || !line.inlines.some((inline) => inline.link || inline.linkToDestination)) return original.apply(this, args);
    return m.drawLinks(tag, line.inlines, () => original.apply(this, args));
  });
  for (const draw of ['renderVector', 'renderImage', 'renderSVG']) {
    wrap(Renderer.prototype, draw, function (this: RendererThis, original, args) {
      const m = marking(this);
      const item = args[0] as Stamped & { type?: string };
      // A turn only moves what follows; it draws nothing.
      if (item.type === TURN_BEGIN || item.type === TURN_END) m?.close();
      else m?.enter(graphicTag(item[TAG] as Tag | undefined));
      return original.apply(this, args);
    });
  }
  // Clipping and alignment change the graphics state, which marked content must not straddle.
  for (const state of ['beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment']) {
    wrap(Renderer.prototype, state, function (this: RendererThis, original, args) {
      marking(this)?.close();
      return original.apply(this, args);
    });
  }
}

/**
 * Writes the structure tree of a drawn document under `root`, in reading order: an
 * element's own elements in the order the document lists them, and the content marked for
 * it directly (a table of contents' entries after its heading) where it was drawn among
 * them. An element nothing was drawn for is left out, but for a table's empty cell.
 */
export function writeStructure(doc: TaggedDocument, root: Tag): void {
  const m = doc[MARKING];
  if (!m) return;
  const firsts = new Map<Tag, number>();
  /** When the first of an element's content was drawn (Infinity: never). */
  const first = (tag: Tag): number => {
    let known = firsts.get(tag);
    if (known === undefined) firsts.set(tag, (known = Math.min(m.held.get(tag)?.[0]?.order ?? Infinity, ...tag.children.map(first))));
    return known;
  };
  const write = (tag: Tag, parent: StructElement | undefined): void => {
    const element = doc.struct(tag.role, { ...(tag.lang ? { lang: tag.lang } : {}), ...(tag.alt ? { alt: tag.alt } : {}), ...(tag.scope ? { scope: tag.scope } : {}) });
    // pdfkit writes a table attribute for Scope only; a cell spanning columns says so beside it.
    if (tag.colSpan) element.dictionary.data.A = { ...(element.dictionary.data.A as object | undefined), O: 'Table', ColSpan: tag.colSpan };
    if (parent) parent.add(element);
    else doc.addStructure(element);
    const held = m.held.get(tag) ?? [];
    // An empty cell stays: without it a row would hold fewer columns than the table has.
    const children = tag.children.filter((child) => first(child) < Infinity || child.role === 'TD' || child.role === 'TH');
    let h = 0;
    for (const child of children) {
      while (h < held.length && held[h]!.order < first(child)) add(element, held[h++]!.kid);
      write(child, element);
    }
    while (h < held.length) add(element, held[h++]!.kid);
    element.end();
  };
  const add = (element: StructElement, kid: object | LinkElement) => {
    if ('element' in kid) {
      // pdfkit writes an element when it ends, naming the current page as its annotations'.
      doc.switchToPage(kid.page);
      element.add(kid.element);
      kid.element.end();
    } else element.add(kid);
  };
  if (first(root) < Infinity) write(root, undefined);
}
