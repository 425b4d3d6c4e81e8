import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, type YamlFile } from '../src/content/yaml-file.js';
import { tempCacheDirs } from './helpers/temp-cache.js';

// The data of a YAML file is kept in the cache folder and read back as JSON: the same data,
// and problems still point at the right line.

const TEXT = 'title: Kerneopgaven\nquestions:\n  - text: Hvad er vores kerneopgave?\n    minutes: 10\n  - text: Hvem hjælper vi?\n    minutes: fem\n';

const cacheDir = tempCacheDirs('yaml-kept');

const read = (text: string): YamlFile => {
  const r = parseYaml(text, 'content/x.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.yaml;
};
const kept = () => readdirSync(join(cacheDir(), 'yaml'));

describe('YAML data kept in the cache folder', () => {
  it('reads back the same data, and a problem found later points at the same line and column', () => {
    const first = read(TEXT);
    expect(kept()).toHaveLength(1);
    const again = read(TEXT);
    expect(again.data).toEqual(first.data);
    const problem = again.problemAt(['questions', 1, 'minutes'], 'not a number', 'type');
    expect(problem).toEqual(first.problemAt(['questions', 1, 'minutes'], 'not a number', 'type'));
    expect(problem).toMatchObject({ line: 6, column: 14, field: 'questions[1].minutes' });
  });

  it('a damaged kept file is ignored and written again', () => {
    const first = read(TEXT);
    const file = join(cacheDir(), 'yaml', kept()[0]!);
    writeFileSync(file, '{"title": "Noget andet"}');
    expect(read(TEXT).data).toEqual(first.data);
    expect(read(TEXT).data).toEqual(first.data);
  });

  it('keeps nothing that JSON cannot give back exactly, nor a file with problems', () => {
    expect(read('size: .inf\nzero: -0\n').data).toEqual({ size: Infinity, zero: -0 });
    expect(parseYaml('a: 1\na: 2\n', 'content/x.yaml').ok).toBe(false);
    expect(() => kept()).toThrow();
  });
});
