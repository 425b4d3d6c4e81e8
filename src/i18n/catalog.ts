import { createHash } from 'node:crypto';
import type { Kit } from '../content/model.js';
import { InputError } from '../content/problems.js';
import { NAMESPACES, readResource, shown, templateFile, translationFile, type Namespace } from './files.js';
import { sourceStrings } from './kit-strings.js';
import { isSingleNumber, pluralCategories, pluralForm } from './plurals.js';
import { flatten } from './tree.js';

export { flatten } from './tree.js';

/** A flat view of translations: `namespace:key` → text. */
export type Catalog = Map<string, string>;

export const qualified = (ns: Namespace, key: string) => `${ns}:${key}`;

export function splitKey(qualifiedKey: string): { ns: Namespace; key: string } {
  const i = qualifiedKey.indexOf(':');
  return { ns: qualifiedKey.slice(0, i) as Namespace, key: qualifiedKey.slice(i + 1) };
}

/** The Danish layout labels, the source (and translation template) of every label. */
export function danishLabels(contentDir: string): Record<string, unknown> {
  const file = templateFile(contentDir, 'labels');
  const labels = readResource(file);
  if (!labels) throw new InputError([{ file: shown(file), line: 1, column: 1, field: '', message: 'The Danish label file is missing. Restore it from version control.', rule: 'file-unreadable' }]);
  return labels;
}

/** Every string a translator must translate, with its Danish text. */
export function sourceCatalog(kit: Kit, contentDir: string): Catalog {
  const catalog: Catalog = new Map();
  for (const [key, text] of sourceStrings(kit)) catalog.set(qualified('content', key), text);
  for (const [key, text] of flatten(danishLabels(contentDir))) catalog.set(qualified('labels', key), text);
  return catalog;
}

/** What a language's files hold now, empty strings included. */
export function targetCatalog(contentDir: string, language: string): Catalog {
  const catalog: Catalog = new Map();
  for (const ns of NAMESPACES) {
    for (const [key, text] of flatten(readResource(translationFile(contentDir, language, ns)) ?? {})) catalog.set(qualified(ns, key), text);
  }
  return catalog;
}

/** One key a language's translation needs. */
export interface Expected {
  /** The Danish to show beside it: the same plural form where Danish has it, else Danish "other". */
  danish: string;
  /** All the Danish it is translated from: for a plural form, every Danish form of its group. */
  source: string;
  /** The base key of its plural group, if it is one form of a group. */
  group?: string;
  /** Placeholders the translation must keep, and the ones it may use. */
  required: string[];
  allowed: string[];
}

/**
 * The keys a translation into `language` needs, in source order: every plain Danish key,
 * and for each Danish plural group exactly the forms a count takes in the language
 * (Ukrainian: one, few, many), whatever forms Danish itself has.
 */
export function expectedCatalog(source: Catalog, language: string): Map<string, Expected> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, text] of source) {
    const form = pluralForm(key);
    if (!form) continue;
    const forms = groups.get(form.base) ?? new Map<string, string>();
    groups.set(form.base, forms.set(form.category, text));
  }
  const expected = new Map<string, Expected>();
  const done = new Set<string>();
  for (const [key, text] of source) {
    const form = pluralForm(key);
    if (!form) {
      const names = placeholders(text);
      expected.set(key, { danish: text, source: text, required: names, allowed: names });
      continue;
    }
    if (done.has(form.base)) continue;
    done.add(form.base);
    const forms = groups.get(form.base)!;
    const names = [...forms.values()].map(placeholders);
    const allowed = [...new Set(names.flat())].sort();
    // A form for many numbers needs all that Danish "other" has; a form for one number
    // only what every Danish form has, so "one group" may leave out {{count}}.
    const many = placeholders(forms.get('other') ?? text);
    const single = allowed.filter((p) => p !== 'count' && names.every((n) => n.includes(p)));
    const source = [...forms.values()].join('\n');
    for (const category of pluralCategories(language)) {
      const required = isSingleNumber(language, category) ? single : many;
      expected.set(`${form.base}_${category}`, { danish: forms.get(category) ?? forms.get('other') ?? text, source, group: form.base, required, allowed });
    }
  }
  return expected;
}

/** A translation whose placeholders break the contract: the placeholders it should have instead. */
export function placeholderMismatch(expected: Expected, text: string): boolean {
  const have = new Set(placeholders(text));
  return expected.required.some((p) => !have.has(p)) || [...have].some((p) => !expected.allowed.includes(p));
}

/** The nested form i18next JSON v4 files use, keys in the order given. */
export function nest(entries: Array<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, text] of entries) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = text;
  }
  return root;
}

/** Short, stable fingerprint of a text: enough to notice that the Danish changed. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The interpolation placeholders of a text, e.g. `{{number}}`, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^\s,}]+)(?:\s*,[^}]*)?\s*\}\}/g)].map((m) => m[1]!).sort();
}
