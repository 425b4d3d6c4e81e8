import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { keepNewest } from '../cache-trim.js';
import { readChecked, writeChecked } from '../checked-file.js';
import { seeded } from '../cache-seed.js';
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
  const keptAs = keptFile(text);
  const kept = keptAs ? keptData(keptAs) : undefined;
  if (kept !== undefined) {
    let p: ReturnType<typeof parsed> | undefined;
    return { ok: true, yaml: located(shownPath, kept, () => (p ??= parsed(text)).doc, () => (p ??= parsed(text)).lineCounter) };
  }
  const { doc, lineCounter } = parsed(text);
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
  if (keptAs) keepData(keptAs, data);
  return { ok: true, yaml: located(shownPath, data, () => doc, () => lineCounter) };
}

/** The YAML library's reading of the text: the data, and where each node is. */
function parsed(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // Without the hexadecimal and octal integers of YAML 1.2, `cardSize: 0x0` is the text it looks like, not the number 0.
  const customTags = (tags: Array<{ format?: string }>) => tags.filter((t) => t.format !== 'HEX' && t.format !== 'OCT');
  return { doc: parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, customTags: customTags as never }), lineCounter };
}

/** A file's data, which points back at its lines through the parsed document (parsed only when a problem needs a line). */
function located(shownPath: string, data: unknown, doc: () => Document, lineCounter: () => LineCounter): YamlFile {
  return {
    file: shownPath,
    data,
    problemAt(path, message, rule, key) {
      const node = nearestNode(doc(), path, key);
      const pos = lineCounter().linePos(node?.range?.[0] ?? 0);
      const field = formatPath(key === undefined ? path : [...path, key]);
      return { file: shownPath, line: pos.line, column: pos.col, field, message, rule };
    },
  };
}

// Reading YAML with the library took a tenth of a deck's build; the data of a file that read
// without problems is kept in the cache folder as JSON, named by the file's text, and read
// back with the engine's JSON.parse. Data JSON cannot hold exactly (.inf, .nan, -0) is not kept.
const KEPT_FORMAT = 'yaml-1.2-core-no-hex-oct-100-aliases\n';

function keptFile(text: string): string | null {
  const dir = cacheDir();
  return dir && join(dir, 'yaml', `${createHash('sha256').update(KEPT_FORMAT).update(text).digest('hex')}.json`);
}

function keptData(file: string): unknown {
  const json = readChecked(file) ?? seeded(`yaml/${basename(file)}`);
  return json === undefined ? undefined : JSON.parse(json.toString('utf8'));
}

function keepData(file: string, data: unknown): void {
  if (!jsonExact(data)) return;
  writeChecked(file, Buffer.from(JSON.stringify(data), 'utf8'));
  keepNewest(dirname(file), MAX_KEPT);
}

/** Files of YAML data the cache folder keeps: a kit has about 15, and each edit adds one. */
const MAX_KEPT = 2000;

/** Whether JSON.parse(JSON.stringify(value)) gives back the same value. */
function jsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonExact);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(jsonExact);
  return false;
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
