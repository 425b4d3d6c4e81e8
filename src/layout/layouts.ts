import type Handlebars from 'handlebars';
import { mm } from '../print/units.js';
import { LayoutError } from '../errors.js';
import { host } from '../host/host.js';
import { parseJson5 } from './json5-as-json.js';
import { checkLayoutNumbers } from './layout-numbers.js';
import { compileTemplate } from './precompiled.js';

/** Looks up a label in the build language; `vars` fill its {{placeholders}}. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;


interface Loc {
  start: { line: number; column: number };
}
interface HelperOptions {
  loc: Loc;
  hash: Record<string, unknown>;
  data: { root: { $t: Translate; $layout: string } };
  fn?: (ctx: unknown) => string;
  inverse?: (ctx: unknown) => string;
}

function missing(options: HelperOptions, what: string): never {
  const file = options.data.root.$layout;
  const line = options.loc.start.line;
  const source = sources.get(file)?.split('\n')[line - 1]?.trim() ?? '';
  throw new LayoutError(file, line, `${what} is not in the data this layout receives: ${source}. Check the field name against the layout's documented data.`);
}

function defined(value: unknown, options: HelperOptions, what = 'A value'): unknown {
  if (value === undefined) missing(options, what);
  return value;
}

let hb: typeof Handlebars | undefined;

/**
 * A Handlebars environment whose helpers check their arguments (strict mode does not cover
 * them), with `t` for labels and `eq`. PDF layouts quote what `t` gives as a JSON string;
 * HTML layouts take it as text, which Handlebars escapes.
 */
export function layoutEnvironment(quote: (label: string) => string): typeof Handlebars {
  const env = (host.handlebars() as typeof Handlebars).create();
  const builtin = { each: env.helpers.each!, with: env.helpers.with!, if: env.helpers.if!, unless: env.helpers.unless! };
  for (const [name, helper] of Object.entries(builtin)) {
    registerStrict(env, name, 1, function (this: unknown, value: unknown, options: HelperOptions) {
      defined(value, options, `The value given to #${name}`);
      return (helper as (this: unknown, v: unknown, o: HelperOptions) => string).call(this, value, options);
    });
  }
  // {{log}} writes to kernekit's standard output, where --json promises one JSON document.
  env.registerHelper('log', (...args: unknown[]) => {
    const options = args[args.length - 1] as HelperOptions;
    throw new LayoutError(options.data.root.$layout, options.loc.start.line, '{{log}} is not available in layouts: it would write into what kernekit prints. Remove it.');
  });

  /** A translated label: {{t "card.kind.reflection"}} or {{t "page" n=3}}. */
  registerStrict(env, 't', 1, (key: unknown, options: HelperOptions) => {
    if (typeof key !== 'string') missing(options, 'The label key');
    for (const [k, v] of Object.entries(options.hash)) defined(v, options, `The value of ${k}=`);
    let label: string;
    try {
      label = options.data.root.$t(key, options.hash);
    } catch {
      const file = options.data.root.$layout;
      throw new LayoutError(file, options.loc.start.line, `the label "${key}" is not in content/source-da/labels.json. Add it there (Danish is the source of every label).`);
    }
    return quote(label);
  });
  registerStrict(env, 'eq', 2, (a: unknown, b: unknown) => a === b);
  return env;
}

/**
 * Registers a helper that takes exactly `arity` values: Handlebars passes whatever a layout
 * writes, so {{json}} would otherwise quote its own options and {{#if a b}} ignore `b`.
 */
function registerStrict(env: typeof Handlebars, name: string, arity: number, helper: (this: unknown, ...args: never[]) => unknown): void {
  env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as HelperOptions;
    const given = args.length - 1;
    if (given !== arity) {
      const source = sources.get(options.data.root.$layout)?.split('\n')[options.loc.start.line - 1]?.trim() ?? '';
      const values = (n: number) => (n === 1 ? 'one value' : `${n} values`);
      throw new LayoutError(options.data.root.$layout, options.loc.start.line, `${name} takes ${values(arity)}, here ${given === 0 ? 'none' : values(given)}: ${source}. Give it ${values(arity)}.`);
    }
    return (helper as (...a: unknown[]) => unknown).apply(this, args);
  });
}

/** The Handlebars environment of the PDF layouts, made on first use (commands that compose nothing never load it). */
function environment(): typeof Handlebars {
  if (hb) return hb;
  hb = layoutEnvironment(JSON.stringify);

  /** Writes any data value as a JSON5 literal: the only way content text enters a layout. */
  registerStrict(hb, 'json', 1, (value: unknown, options: HelperOptions) => JSON.stringify(defined(value, options)));

  /** Millimetres to points, so designers can think in millimetres: {{mm 5}}. */
  registerStrict(hb, 'mm', 1, (value: unknown, options: HelperOptions) => {
    const n = defined(value, options);
    if (typeof n !== 'number') missing(options, 'A number for mm');
    return String(Math.round(mm(n) * 1000) / 1000);
  });

  /**
   * A type size that grows with the card: {{scaled 15}} is 15 pt on a poker card and larger
   * on A7 or A6. Layouts that are not cards get a scale of 1. `min=` is the least it may
   * become on a card smaller than poker: {{scaled 8 min=7}}.
   */
  registerStrict(hb, 'scaled', 1, (value: unknown, options: HelperOptions) => {
    const n = defined(value, options);
    if (typeof n !== 'number') missing(options, 'A number for scaled');
    const least = options.hash.min ?? 0;
    if (typeof least !== 'number') missing(options, 'A number for min=');
    const scale = (options.data.root as { typeScale?: number }).typeScale ?? 1;
    return String(Math.max(least, Math.round(n * scale * 100) / 100));
  });
  return hb;
}

const sources = new Map<string, string>();
const compiled = new Map<string, HandlebarsTemplateDelegate>();
const forgetters: Array<() => void> = [() => sources.clear(), () => compiled.clear()];

/** Registers a cache built from layouts/ that must be dropped when a layout file changes. */
export function onLayoutsChanged(forget: () => void): void {
  forgetters.push(forget);
}

/** Drops every compiled layout and everything derived from layouts/ (watch mode, after an edit). */
export function forgetLayouts(): void {
  for (const forget of forgetters) forget();
}

/**
 * A layout compiled once a process, with the environment and options of its kind (PDF or
 * HTML): the file's path under layouts/ names it, `html/` and all.
 */
export function compiledLayout(file: string, env: () => typeof Handlebars, options: CompileOptions): HandlebarsTemplateDelegate {
  let tpl = compiled.get(file);
  if (!tpl) {
    tpl = compileLayout(env(), file, options);
    compiled.set(file, tpl);
  }
  return tpl;
}

/** A layout file compiled, or a LayoutError naming the line Handlebars could not read. */
export function compileLayout(env: typeof Handlebars, file: string, options: CompileOptions): HandlebarsTemplateDelegate {
  try {
    return compileTemplate(env, layoutSource(file), options);
  } catch (err) {
    if (err instanceof LayoutError) throw err;
    throw syntaxError(file, err as Error);
  }
}

/**
 * Handlebars' parse errors span four lines (an excerpt, a caret, the tokens it expected);
 * the user gets one: the line and the excerpt.
 */
function syntaxError(file: string, err: Error): LayoutError | Error {
  const parse = /^Parse error on line (\d+):\n(.*)\n/.exec(err.message);
  if (parse) return new LayoutError(file, Number(parse[1]), `the template cannot be read near "${parse[2]!.trim()}". Check that every {{ has its }} and every {{#block}} its {{/block}}.`);
  const block = /^(.+) doesn't match (.+) - (\d+):\d+$/.exec(err.message);
  if (block) return new LayoutError(file, Number(block[3]), `{{#${block[1]}}} is closed by {{/${block[2]}}}. Close each block with its own name.`);
  return err;
}

/** The text of a layout file, remembered so that errors can quote its lines. */
export function layoutSource(file: string): string {
  let source = sources.get(file);
  if (source === undefined) {
    source = host.layoutSource(file);
    if (source === undefined) throw new LayoutError(file, 1, 'the layout file is missing.');
    sources.set(file, source);
  }
  return source;
}

/**
 * Handlebars gives no line for an error raised while a template runs, such as reading past
 * a value the data does not have (`constructor.constructor`: prototype properties are never
 * available). The line is the first expression that reads the property the error names.
 */
function lineReading(file: string, property: string): number {
  const lines = sources.get(file)?.split('\n') ?? [];
  const reads = new RegExp(`\\{\\{[^}]*[\\s.(/]${property.replace(/[^\w$]/g, '\\$&')}\\b`);
  const i = lines.findIndex((l) => reads.test(l));
  return i + 1 || 1;
}

/** Runs a compiled layout; whatever goes wrong is reported as a LayoutError naming the file and line. */
export function fillLayout(tpl: HandlebarsTemplateDelegate, file: string, data: object, t: Translate): string {
  try {
    return tpl({ ...data, $t: t, $layout: file });
  } catch (err) {
    if (err instanceof LayoutError) throw err;
    const e = err as Error & { lineNumber?: number };
    const m = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(e.message);
    if (m) throw new LayoutError(file, Number(m[2]), `"${m[1]}" is not in the data this layout receives. Check the field name.`);
    const property = /\(reading '([^']+)'\)/.exec(e.message)?.[1];
    if (property) throw new LayoutError(file, lineReading(file, property), `"${property}" cannot be read: the value before it is not in the data this layout receives (nor is any built-in property such as constructor). Check the field name.`);
    throw new LayoutError(file, e.lineNumber ?? 1, e.message);
  }
}

/**
 * Runs a layout with its data and returns what it describes (pdfmake nodes and settings).
 * Layouts write JSON5, so comments and trailing commas are fine; data reaches the output
 * only through helpers that quote it, so content text is never run as a template.
 */
export function runLayout<T>(file: string, data: object, t: Translate): T {
  const text = fillLayout(compiledLayout(file, environment, { strict: true, noEscape: true }), file, data, t);
  let value: unknown;
  try {
    value = parseJson5(text);
  } catch (err) {
    const e = err as Error & { lineNumber?: number };
    const line = e.lineNumber ?? 1;
    const shown = text.split('\n')[line - 1]?.trim() ?? '';
    throw new LayoutError(file, line, `the layout does not produce valid JSON5 (${e.message.replace(/^JSON5: /, '')}) near: ${shown}`);
  }
  checkLayoutNumbers(value, file, layoutSource(file));
  return value as T;
}
