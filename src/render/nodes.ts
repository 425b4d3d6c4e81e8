/**
 * The one walker over document nodes: pdfmake content as the layouts write it (stacks,
 * columns, lists, tables, texts with their inline runs, canvas shapes) and the records
 * around it (a card face's regions, a poster's layout). Every record is walked into, under
 * every key, so a property such as a colour or a size is met wherever it is; what the
 * walker knows, and its callers need not, is which keys hold content: a string there is
 * text to print, anywhere else a property's value.
 */

export type NodeRecord = Record<string, unknown>;

/** Keys whose strings are text to print: a node's text, a container's items, a table's cells, a region's content. */
const CONTENT_KEYS = new Set(['text', 'stack', 'columns', 'ul', 'ol', 'body', 'content']);

export const isContentKey = (key: string | undefined): boolean => key !== undefined && CONTENT_KEYS.has(key);

/** What a copying walk does at each place; each part left out copies as is. */
export interface NodeMapper<C> {
  /**
   * A record (a node, an inline run, a shape, a table, a layout's region) under `key`: either
   * the record to copy instead and the context for what it holds, or a finished value that is
   * not walked into.
   */
  record?(record: NodeRecord, context: C, key: string | undefined): { record: NodeRecord; context: C } | { value: unknown };
  /** A string where text is printed. */
  text?(text: string, context: C): unknown;
  /** Any other value that is not a record or a list, with the key it is under (list items take their list's key). */
  value?(key: string | undefined, value: unknown, context: C): unknown;
}

/** A copy of `tree` with each place changed as `mapper` says. */
export function mapNodes<T, C>(tree: T, context: C, mapper: NodeMapper<C>): T {
  const walk = (node: unknown, context: C, key: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, context, key));
    if (typeof node === 'string' && isContentKey(key)) return mapper.text ? mapper.text(node, context) : node;
    if (node === null || typeof node !== 'object') return mapper.value ? mapper.value(key, node, context) : node;
    let record = node as NodeRecord;
    let inner = context;
    if (mapper.record) {
      const visited = mapper.record(record, context, key);
      if ('value' in visited) return visited.value;
      ({ record, context: inner } = visited);
    }
    const out: NodeRecord = {};
    // Keys, not entries: a pair array per property was most of what a walk allocated.
    for (const k of Object.keys(record)) out[k] = walk(record[k], inner, k);
    return out;
  };
  return walk(tree, context, undefined) as T;
}

/**
 * Visits every record of `tree` in place, top down, in document order, with the key it is
 * under; `visit` returns the context for what the record holds. `text` gets each string
 * where text is printed.
 */
export function visitNodes<C>(tree: unknown, context: C, visit: (record: NodeRecord, context: C, key: string | undefined) => C, text?: (text: string) => void): void {
  const walk = (node: unknown, context: C, key: string | undefined): void => {
    if (Array.isArray(node)) for (const item of node) walk(item, context, key);
    else if (typeof node === 'string') {
      if (text && isContentKey(key)) text(node);
    } else if (node !== null && typeof node === 'object') {
      const record = node as NodeRecord;
      const inner = visit(record, context, key);
      for (const k of Object.keys(record)) walk(record[k], inner, k);
    }
  };
  walk(tree, context, undefined);
}
