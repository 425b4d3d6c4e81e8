import type { z } from 'zod';
import type { Problem } from './problems.js';
import type { YamlFile } from './yaml-file.js';
import { closestWord } from '../closest-word.js';

type Issue = z.core.$ZodIssue;
type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown; valueType?: unknown; options?: unknown[] };

/** Turns schema issues into located problems with wording a content editor can act on. */
export function schemaProblems(yaml: YamlFile, schema: z.ZodType, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => describe(yaml, schema, issue, []));
}

function describe(yaml: YamlFile, schema: z.ZodType, issue: Issue, prefix: PropertyKey[]): Problem[] {
  const path = [...prefix, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = allowedKeys(schema, path);
        const hint = closestWord(key, allowed);
        const advice = hint ? `Did you mean "${hint}"?` : `Allowed fields here: ${allowed.join(', ')}.`;
        return yaml.problemAt(path, `Unknown field "${key}". ${advice}`, 'unknown-field', key);
      });
    case 'invalid_type': {
      const value = valueAt(yaml.data, path);
      if (value === undefined) {
        const parent = path.slice(0, -1);
        const name = String(path[path.length - 1]);
        return [yaml.problemAt(parent, `Required field "${name}" is missing (expected ${kind(issue.expected)}).`, 'missing-field')];
      }
      return [yaml.problemAt(path, `Expected ${kind(issue.expected)}, found ${describeValue(value)}.`, 'wrong-type')];
    }
    case 'invalid_union': {
      // Report the branch that came closest: the one whose issues reach deepest into the value.
      const branches = issue.errors.filter((b) => b.length > 0);
      const best = branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (best && depth(best) > 0) return best.flatMap((i) => describe(yaml, schema, i, path));
      return [yaml.problemAt(path, `This entry has the wrong shape. ${issue.message}`, 'wrong-shape')];
    }
    case 'invalid_value':
      return [
        yaml.problemAt(
          path,
          `"${String(valueAt(yaml.data, path))}" is not allowed here. Use one of: ${issue.values.map(String).join(', ')}.`,
          'invalid-value',
        ),
      ];
    case 'too_small':
      if (issue.origin === 'string') return [yaml.problemAt(path, issue.message, 'empty-text')];
      return [yaml.problemAt(path, issue.message, 'too-small')];
    case 'custom':
      return [yaml.problemAt(path, issue.message, typeof issue.params?.rule === 'string' ? issue.params.rule : 'custom')];
    default:
      return [yaml.problemAt(path, issue.message, issue.code.replace(/_/g, '-'))];
  }
}

function depth(issues: Issue[]): number {
  return Math.max(...issues.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0.5 : 0)));
}

function kind(expected: string): string {
  const words: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    array: 'a list (lines starting with "- ")',
    object: 'a group of fields (name: value)',
    boolean: 'true or false',
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/** The field names the schema allows at `path`, for "did you mean" hints. */
function allowedKeys(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  let nodes: unknown[] = [schema];
  for (const part of [...path, undefined]) {
    nodes = nodes.flatMap(unwrap);
    if (part === undefined) break;
    nodes = nodes.flatMap((n) => {
      const def = defOf(n);
      if (def.type === 'object' && typeof part === 'string') return def.shape?.[part] ? [def.shape[part]] : [];
      if (def.type === 'array' && typeof part === 'number') return [def.element];
      if (def.type === 'record') return [def.valueType];
      return [];
    });
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(defOf(n).shape ?? {})))];
}

function unwrap(node: unknown): unknown[] {
  const def = defOf(node);
  if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(def.type)) return unwrap(def.innerType);
  if (def.type === 'pipe') return unwrap(def.in);
  if (def.type === 'union') return (def.options ?? []).flatMap(unwrap);
  return [node];
}

function defOf(node: unknown): Def {
  return ((node as { _zod?: { def?: Def } })?._zod?.def ?? { type: 'unknown' }) as Def;
}
