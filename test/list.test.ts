import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../src/writers/manifest.js';
import { runInProcess } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';
import { expectValid } from './helpers/schemas.js';

// `list` says what a build with the same options writes, without building: checked against
// what a real build wrote and recorded in its manifest.json.

type Listed = { language: string | null; kind: string; document: string | null; path: string };

describe('list', () => {
  it('--json names every file a build writes: the paths, kinds and documents of its manifest.json, its web fonts, and the three files beside it', async () => {
    const content = contentCopy();
    const out = join(tempDir('list'), 'out');
    const options = ['--only', 'handout,worksheets', '--lang', 'da,en', '--content', content, '--out', out];
    const listed = await runInProcess(['list', ...options, '--json']);
    expect(listed.code).toBe(0);
    const data = JSON.parse(listed.out) as { files: Listed[] };
    expectValid('list', data);

    const built = await runInProcess(['build', ...options, '--quiet'], 60_000);
    expect(built.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const row = (f: Listed) => `${f.language} ${f.kind} ${f.document} ${f.path}`;
    const beside = ['null index null index.html', 'null accessibility null tilgaengelighed.html', 'null manifest null manifest.json'];
    const fonts = manifest.fonts!.map((f) => `null font null ${f.path}`);
    expect(fonts).toContain('null font null fonts/SourceSans3-Regular.woff2');
    expect(data.files.map(row).sort()).toEqual([...manifest.files.map(row), ...fonts, ...beside].sort());
    expect(data.files.map((f) => f.path).sort()).toEqual(Object.keys(snapshot(out)).sort());
    // The English planner page has a name of its own, which a list from the Danish would miss.
    expect(data.files.map((f) => f.path)).toContain('en/plan-the-meeting.html');
  });

  it('names each language\'s planner page in the text too, with its translated name', async () => {
    const r = await runInProcess(['list', '--lang', 'da,en', '--only', 'cards']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^da {2}out\/da\/planlaeg-moedet\.html +planner$/m);
    expect(r.out).toMatch(/^en {2}out\/en\/plan-the-meeting\.html +planner$/m);
    expect(r.out).toContain('out/tilgaengelighed.html');
  });
});
