import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { startWatch } from './helpers/watch.js';
import { contentCopy, edit } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { compiledSchema, expectValid, schema, schemaIds } from './helpers/schemas.js';

// Every command's --json and manifest.json, checked against the JSON Schemas in schemas/
// that scripts are told to rely on.

async function json(args: string[]): Promise<{ code: number; data: Record<string, unknown>; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, data: JSON.parse(out.join('\n')) as Record<string, unknown>, err };
}

describe('--json and the JSON Schemas', () => {
  it('every schema compiles in strict mode and every $ref resolves', () => {
    for (const [file, id] of schemaIds) expect(compiledSchema(id), file).toBeTypeOf('function');
  });

  it('build --json: built files name their document, as manifest.json does, and both match their schemas', async () => {
    const out = join(tempDir('json'), 'out');
    const first = await json(['build', '--only', 'handout', '--lang', 'da,en', '--out', out, '--json', '--timings']);
    expect(first.code).toBe(0);
    expectValid('build', first.data);
    const built = first.data.built as Array<Record<string, unknown>>;
    expect(built.map((f) => [f.language, f.document, f.path])).toEqual([
      ['da', 'handout', 'da/misforstaaelser.pdf'],
      ['en', 'handout', 'en/misforstaaelser.pdf'],
    ]);
    expect(first.data.schemaVersion).toBe(1);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expectValid('manifest', manifest);
    expect(manifest.schemaVersion).toBe(1);
    expect(first.data.manifest).toEqual(manifest);

    const again = await json(['build', '--only', 'handout', '--lang', 'da,en', '--out', out, '--json']);
    expectValid('build', again.data);
    expect(again.data.upToDate).toBe(true);
  });

  it('the schemas hold scripts to the vocabulary: "family" instead of "document" is rejected', async () => {
    const out = join(tempDir('json'), 'out');
    const { data } = await json(['build', '--only', 'handout', '--out', out, '--json']);
    const built = data.built as Array<Record<string, unknown>>;
    const { document, ...rest } = built[0]!;
    expect(schema('build')({ ...data, built: [{ ...rest, family: document }] })).toBe(false);
    expect(schema('build')({ ...data, schemaVersion: 2 })).toBe(false);
  });

  it('list --json lists each file with its language, kind and document', async () => {
    const { code, data } = await json(['list', '--lang', 'da,en', '--only', 'cards,worksheets', '--json']);
    expect(code).toBe(0);
    expectValid('list', data);
    const files = data.files as Array<Record<string, unknown>>;
    expect(files).toContainEqual({ language: 'da', kind: 'pdf', document: 'cards', path: 'da/spoergsmaalskort.pdf' });
    expect(files).toContainEqual({ language: 'en', kind: 'zip', document: null, path: 'en/kernekit-en.zip' });
    expect(files).toContainEqual({ language: null, kind: 'manifest', document: null, path: 'manifest.json' });
  });

  it('validate --json gives the counts, or every problem with file, line and rule and exit code 1', async () => {
    const good = await json(['validate', '--json']);
    expect(good.code).toBe(0);
    expectValid('validate', good.data);
    expect(good.data.counts).toEqual({ exercises: 4, misunderstandings: 3, actors: 7, checklistQuestions: 32, cards: 48 });

    const content = contentCopy();
    edit(content, 'checklist.yaml', 'centre: dig-selv', 'centre: dig-self');
    const bad = await json(['validate', '--content', content, '--json']);
    expect(bad.code).toBe(1);
    expectValid('validate', bad.data);
    expect(bad.data.valid).toBe(false);
    expect(bad.data.problems).toEqual([expect.objectContaining({ file: expect.stringContaining('checklist.yaml'), field: 'centre', rule: expect.any(String) })]);
  });

  it('init --json lists what it made and the next commands', async () => {
    const folder = join(tempDir('json'), 'kit');
    const { code, data } = await json(['init', folder, '--copy', 'layouts', '--json']);
    expect(code).toBe(0);
    expectValid('init', data);
    expect((data.created as Array<{ kind: string }>).map((c) => c.kind)).toEqual(['config', 'layouts']);
  });

  it('i18n extract --json counts what is translated per language', async () => {
    const content = contentCopy();
    const { code, data } = await json(['i18n', 'extract', '--lang', 'sv', '--content', content, '--json']);
    expect(code).toBe(0);
    expectValid('i18n-extract', data);
    const [sv] = data.languages as Array<{ language: string; translated: number; untranslated: number }>;
    expect(sv).toMatchObject({ language: 'sv', translated: 0 });
    expect(sv!.untranslated).toBeGreaterThan(300);
  });

  it('watch --json prints one line of JSON per rebuild', async () => {
    const { lines, stop } = startWatch({ content: contentCopy(), out: join(tempDir('json'), 'out'), only: 'handout', json: true });
    const deadline = Date.now() + 60_000;
    while (lines.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(await stop()).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const data = JSON.parse(lines[0]!);
    expectValid('watch', data);
    expect(data.built.map((f: { path: string }) => f.path)).toEqual(['da/misforstaaelser.pdf']);
  });
});
