import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatPath, type Problem } from './problems.js';
import { readTextFile } from './text-file.js';

/**
 * Far more than any content file needs (the kit uses none), far less than an "alias bomb"
 * (aliases of aliases), which would expand a small file to gigabytes.
 */
const MAX_ALIASES = 100;

/** A parsed YAML file that can point back at the line and column of any field. */
export interface YamlFile {
  /** Path as shown to the user (relative to the working directory where possible). */
  file: string;
  data: unknown;
  /** Problem located at the node for `path`, or at the nearest parent that exists. */
  problemAt(path: ReadonlyArray<PropertyKey>, message: string, rule: string, key?: string): Problem;
}

export type YamlResult = { ok: true; yaml: YamlFile } | { ok: false; problems: Problem[] };

export function readYamlFile(absPath: string, shownPath: string): YamlResult {
  const read = readTextFile(absPath, shownPath);
  return read.ok ? parseYaml(read.text, shownPath) : { ok: false, problems: [read.problem] };
}

export function parseYaml(text: string, shownPath: string): YamlResult {
  const lineCounter = new LineCounter();
  // Without the hexadecimal and octal integers of YAML 1.2, `cardSize: 0x0` is the text it looks like, not the number 0.
  const customTags = (tags: Array<{ format?: string }>) => tags.filter((t) => t.format !== 'HEX' && t.format !== 'OCT');
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: customTags as never });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file: shownPath,
          line: pos.line,
          column: pos.col,
          field: '',
          message: `YAML syntax error: ${firstLine(e.message)}. Check indentation, colons and quotes on this line or the one above.`,
          rule: 'yaml-syntax',
        };
      }),
    };
  }
  const locate = (path: ReadonlyArray<PropertyKey>, key?: string): { line: number; column: number } => {
    const node = nearestNode(doc, path, key);
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // The yaml library's way of refusing more aliases than maxAliasCount.
    if (!(err instanceof ReferenceError)) throw err;
    const pos = lineCounter.linePos(firstAlias(doc));
    const message = `The file repeats its anchors (&name) through aliases (*name) too often to be content. Write the text out instead of using *aliases.`;
    return { ok: false, problems: [{ file: shownPath, line: pos.line, column: pos.col, field: '', message, rule: 'yaml-aliases' }] };
  }
  return {
    ok: true,
    yaml: {
      file: shownPath,
      data,
      problemAt(path, message, rule, key) {
        const { line, column } = locate(path, key);
        const field = formatPath(key === undefined ? path : [...path, key]);
        return { file: shownPath, line, column, field, message, rule };
      },
    },
  };
}

function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** The node at `path` (or the key node of `key` inside it); walks up when a part is missing. */
function nearestNode(doc: Document, path: ReadonlyArray<PropertyKey>, key?: string): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node === undefined || node === null) continue;
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) return pair.key;
    }
    if (typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}
