import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_FILES, ENGINE_VERSIONS } from '../src/render/engine.js';
import { mapNodes, visitNodes } from '../src/render/nodes.js';

// kernekit changes pdfmake's and pdfkit's behaviour by replacing methods of their classes
// (src/render/engine.ts). Those patches rely on the libraries' internals as they are in the
// pinned files; an upgrade that changes one must fail here, naming what to re-check.

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

describe('the engine boundary', () => {
  it('is installed at the versions its patches were written against', () => {
    for (const [name, version] of Object.entries(ENGINE_VERSIONS)) {
      const installed = (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
      expect(installed, `${name} is ${installed}; the patches in src/render/engine.ts were written for ${version}: re-check them, then update ENGINE_VERSIONS and ENGINE_FILES`).toBe(version);
    }
  });

  it('finds the internals it patches unchanged', () => {
    for (const [file, sha] of Object.entries(ENGINE_FILES)) {
      const [name, ...rest] = file.split('/');
      const actual = createHash('sha256').update(readFileSync(join(packageDir(name!), ...rest))).digest('hex');
      expect(actual, `${file} changed: re-check the patches in src/render/engine.ts against it, then update ENGINE_FILES`).toBe(sha);
    }
  });
});

describe('the node walker', () => {
  const tree = {
    stack: ['a line', { text: ['run ', { text: 'bold', bold: true }], color: '#333333', margin: [1, 2, 3, 4] }],
    table: { body: [['cell', { text: 'cell 2' }]], widths: ['*', 40] },
    canvas: [{ type: 'line', lineColor: '#000000' }],
    style: 'not text',
  };

  it('meets text only where text is printed, and every other value with its key', () => {
    const texts: string[] = [];
    visitNodes(tree, undefined, () => undefined, (t) => texts.push(t));
    expect(texts).toEqual(['a line', 'run ', 'bold', 'cell', 'cell 2']);
    const values: string[] = [];
    mapNodes(tree, undefined, { value: (key, value) => (values.push(`${key}=${String(value)}`), value) });
    expect(values).toEqual(expect.arrayContaining(['color=#333333', 'margin=1', 'margin=4', 'lineColor=#000000', 'style=not text', 'widths=40']));
  });

  it('copies, leaving the tree it walked as it was', () => {
    const copy = mapNodes(tree, undefined, { text: (t) => t.toUpperCase() });
    expect(JSON.stringify(copy)).toContain('CELL 2');
    expect(JSON.stringify(tree)).not.toContain('CELL 2');
  });
});
