import { lstatSync } from 'node:fs';
import { relative } from 'node:path';
import { TEXT_MAX, TEXT_TOO_LONG } from '../content/limits.js';
import { InputError, type Problem } from '../content/problems.js';
import { readTextFile } from '../content/text-file.js';
import { parseYaml } from '../content/yaml-file.js';

/** A translation file's tree as i18next JSON v4 has it: texts, in groups of keys. */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}

/** Reads a UTF-8 JSON file, or undefined when there is none (a link that leads nowhere is one, and refused); bad JSON is refused with the file, line and column. */
export function readJson(file: string): { value: unknown; text: string; shown: string } | undefined {
  if (!lstatSync(file, { throwIfNoEntry: false })) return undefined;
  const shown = relative(process.cwd(), file) || file;
  const read = readTextFile(file, shown);
  if (!read.ok) throw new InputError([read.problem]);
  const text = read.text;
  try {
    return { value: JSON.parse(text), text, shown };
  } catch (err) {
    const pos = Number(/position (\d+)/.exec((err as Error).message)?.[1] ?? 0);
    const before = text.slice(0, pos).split('\n');
    throw new InputError([
      {
        file: shown,
        line: before.length,
        column: before[before.length - 1]!.length + 1,
        field: '',
        message: `Not valid JSON: ${(err as Error).message}. Check for a missing comma or quote.`,
        rule: 'json-syntax',
      },
    ]);
  }
}

/**
 * Reads one translation file (i18next JSON v4), or undefined when there is none. Anything
 * that is not UTF-8 JSON with a text or a group at every key is refused with the file, line
 * and column: a number or a list would otherwise fail far from the file, as a crash.
 */
export function readResource(file: string): ResourceTree | undefined {
  const read = readJson(file);
  if (!read) return undefined;
  const { value: tree, text, shown } = read;
  const wrong = wrongValues(tree, []);
  if (wrong.length === 0) return tree as ResourceTree;
  // JSON is YAML too: the YAML reader locates the wrong values.
  const located = parseYaml(text, shown);
  const at = (path: string[], message: string, rule: string): Problem =>
    located.ok ? located.yaml.problemAt(path, message, rule) : { file: shown, line: 1, column: 1, field: path.join('.'), message, rule };
  throw new InputError(wrong.map((w) => at(w.path, w.message, w.rule)));
}

function wrongValues(value: unknown, path: string[]): Array<{ path: string[]; message: string; rule: string }> {
  if (typeof value === 'string') {
    return value.length > TEXT_MAX ? [{ path, message: TEXT_TOO_LONG, rule: 'text-too-long' }] : [];
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, v]) => wrongValues(v, [...path, key]));
  }
  const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(value)}`;
  const message =
    path.length === 0
      ? `A translation file holds one JSON object ({ "key": "text", … }), not ${found}.`
      : `A translation is a text in double quotes (or a group of keys), not ${found}. Write it as "…", or "" while it is not translated yet.`;
  return [{ path, message, rule: 'wrong-type' }];
}
