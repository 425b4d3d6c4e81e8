import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFamilies } from '../src/content/families.js';
import { CONTENT } from './helpers/content.js';

// index.html, the read-me and the web editions name each document by its family's own label:
// a family added without them made every build that wrote it an internal error (the pack's
// download link, once). Danish is the source; every shipped translation follows it.
const PER_FAMILY = ['publish.download', 'publish.describe', 'publish.web'] as const;

const labels = (file: string) => JSON.parse(readFileSync(join(CONTENT, file), 'utf8')) as Record<string, unknown>;
const at = (tree: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

describe('every document family', () => {
  it.each([['source-da/labels.json'], ['locales/en/labels.json']])('has its download, description and web-edition label in %s', (file) => {
    const tree = labels(file);
    const missing = PER_FAMILY.flatMap((group) => documentFamilies.filter((f) => typeof at(tree, `${group}.${f}`) !== 'string').map((f) => `${group}.${f}`));
    expect(missing).toEqual([]);
  });
});
