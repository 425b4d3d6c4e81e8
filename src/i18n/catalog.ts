import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Kit } from '../content/model.js';
import { readResource } from './resource-file.js';
import { localesDir, SOURCE_LANGUAGE } from './language-code.js';
import { sourceStrings } from './kit-strings.js';
import { flatten } from './tree.js';

export { flatten } from './tree.js';

/** The two translation files of a language: content texts and layout labels. */
export const NAMESPACES = ['content', 'labels'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A flat view of translations: `namespace:key` → text. */
export type Catalog = Map<string, string>;

export const qualified = (ns: Namespace, key: string) => `${ns}:${key}`;

/** Every string a translator must translate, with its Danish text. */
export function sourceCatalog(kit: Kit, contentDir: string): Catalog {
  const catalog: Catalog = new Map();
  for (const [key, text] of sourceStrings(kit)) catalog.set(qualified('content', key), text);
  const labels = readResource(join(localesDir(contentDir), SOURCE_LANGUAGE, 'labels.json')) ?? {};
  for (const [key, text] of flatten(labels)) catalog.set(qualified('labels', key), text);
  return catalog;
}

/** What a language's files hold now (empty strings count as untranslated and are left out). */
export function targetCatalog(contentDir: string, language: string): Catalog {
  const catalog: Catalog = new Map();
  for (const ns of NAMESPACES) {
    const bundle = readResource(join(localesDir(contentDir), language, `${ns}.json`)) ?? {};
    for (const [key, text] of flatten(bundle)) catalog.set(qualified(ns, key), text);
  }
  return catalog;
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
  return [...text.matchAll(/\{\{\s*([\w.]+)(?:\s*,[^}]*)?\s*\}\}/g)].map((m) => m[1]!).sort();
}
