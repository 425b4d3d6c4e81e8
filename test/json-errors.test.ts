import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWatch } from './helpers/watch.js';
import { LayoutError } from '../src/errors.js';
import { reportError } from '../src/report-error.js';
import { runInProcess, spawnKernekit } from './helpers/cli.js';
import { contentCopy, edit, lineOf } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { expectValid } from './helpers/schemas.js';

// With --json a failure is one JSON document on standard output (schemas/error.schema.json)
// holding what the text line on standard error says: a script parses it instead of prose.

interface Failure {
  schemaVersion: number;
  command: string | null;
  error: string;
  exitCode: number;
  problems: Array<{ file: string | null; line: number | null; column: number | null; field: string | null; message: string; rule: string }>;
}

/** Runs a command line with --json; its standard output must be exactly one JSON document, its standard error empty. */
async function failing(args: string[]): Promise<{ code: number; data: Failure }> {
  const r = await runInProcess(args);
  expect(r.err).toBe('');
  const data = JSON.parse(r.out) as Failure;
  expectValid('error', data);
  expect(data.exitCode).toBe(r.code);
  return { code: r.code, data };
}

/** A content copy with one field of the checklist misspelt. */
function badContent(): string {
  const content = contentCopy();
  edit(content, 'checklist.yaml', 'centre: dig-selv', 'centre: dig-self');
  return content;
}

describe('--json: a failure is one JSON document with what the text line says', () => {
  it('a problem in the content: the same file, line, column, field and message as the text line, exit 1', async () => {
    const content = badContent();
    const out = join(tempDir('json-errors'), 'out');
    const text = await runInProcess(['build', '--only', 'handout', '--content', content, '--out', out]);
    const { code, data } = await failing(['build', '--only', 'handout', '--content', content, '--out', out, '--json']);
    expect(code).toBe(1);
    expect(data).toMatchObject({ schemaVersion: 1, command: 'build', error: 'input' });
    expect(data.problems).toHaveLength(1);
    const [p] = data.problems;
    expect(p).toMatchObject({ field: 'centre', line: lineOf(content, 'checklist.yaml', 'centre: dig-self') });
    expect(text.err.split('\n')[0]).toBe(`${p!.file}:${p!.line}:${p!.column} ${p!.field}: ${p!.message} [${p!.rule}]`);
  });

  it.each([
    ['list', ['list']],
    ['i18n status', ['i18n', 'status', '--lang', 'en']],
  ])('%s: a problem in the content is exit 1 with its file and field', async (command, args) => {
    const { code, data } = await failing([...args, '--content', badContent(), '--json']);
    expect(code).toBe(1);
    expect(data.command).toBe(command);
    expect(data.problems[0]).toMatchObject({ file: expect.stringContaining('checklist.yaml'), field: 'centre' });
  });

  it.each([
    ['build', ['build', '--bogus'], null, /Unknown argument: bogus/],
    ['build', ['build', '--lang', 'xx'], '--lang', /^--lang "xx"/],
    ['list', ['list', '--only', 'cards,kort'], '--only', /"kort" is not a document family/],
    ['validate', ['validate', '--strict'], null, /Unknown argument: strict/],
    ['i18n status', ['i18n', 'status', '--lang', 'da'], null, /Danish \(da\) is the source language/],
    ['i18n extract', ['i18n', 'extract'], null, /Missing required argument: lang/],
    ['i18n', ['i18n', '--json', '--json'], '--json', /--json is given more than once/],
    [null, ['bild'], null, /"bild" is not a kernekit command. Did you mean "kernekit build"\?/],
  ])('%s: a mistake on the command line is exit 2, naming the option', async (command, args, field, message) => {
    const { code, data } = await failing([...args, '--json']);
    expect(code).toBe(2);
    expect(data).toMatchObject({ command, error: 'usage' });
    expect(data.problems).toEqual([{ file: null, line: null, column: null, field, message: expect.stringMatching(message), rule: 'command-line' }]);
  });

  it('init into a folder that has a config already: exit 2', async () => {
    const folder = tempDir('json-errors');
    await runInProcess(['init', folder]);
    const { code, data } = await failing(['init', folder, '--json']);
    expect(code).toBe(2);
    expect(data.problems[0]!.message).toMatch(/already exists, and init never overwrites anything/);
  });

  it('--no-json after --json, and no --json at all, keep the text on standard error', async () => {
    for (const args of [['build', '--json', '--no-json', '--bogus'], ['build', '--bogus']]) {
      const r = await runInProcess(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^kernekit: Unknown argument: bogus/);
    }
  });

  it('a layout error names the layout file and line; the disk names the file', () => {
    const printed = (err: unknown) => {
      const out: string[] = [];
      const code = reportError(err, { out: (t) => out.push(t), err: () => {} }, { command: 'build' });
      const data = JSON.parse(out.join('\n')) as Failure;
      expectValid('error', data);
      return { code, problem: data.problems[0] };
    };
    expect(printed(new LayoutError('cards.hbs', 12, 'the label "x" is not in content/source-da/labels.json.'))).toEqual({
      code: 1,
      problem: { file: 'layouts/cards.hbs', line: 12, column: null, field: null, message: 'the label "x" is not in content/source-da/labels.json.', rule: 'layout' },
    });
    const full = Object.assign(new Error('ENOSPC: write'), { code: 'ENOSPC', syscall: 'write', path: join(process.cwd(), 'out/da/x.pdf') });
    expect(printed(full)).toMatchObject({ code: 1, problem: { file: 'out/da/x.pdf', rule: 'file-system', message: expect.stringMatching(/^cannot write out\/da\/x\.pdf: there is no space left/) } });
  });

  it('a bug is exit 70: the JSON says so, and the stack goes to standard error', () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(reportError(new TypeError('x is undefined'), { out: (t) => out.push(t), err: (t) => err.push(t) }, { command: 'list' })).toBe(70);
    const data = JSON.parse(out.join('\n')) as Failure;
    expectValid('error', data);
    expect(data).toMatchObject({ error: 'bug', exitCode: 70, problems: [{ rule: 'bug', message: expect.stringContaining('x is undefined') }] });
    expect(err.join('\n')).toMatch(/at .*json-errors\.test\.ts/);
  });

  it('watch --json: a failed rebuild is one line of JSON, and watching goes on', async () => {
    const { lines, errors, stop } = startWatch({ content: badContent(), out: join(tempDir('json-errors'), 'out'), only: 'handout', json: true });
    const deadline = Date.now() + 40_000;
    while (lines.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(await stop()).toBe(0);
    expect(errors).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const data = JSON.parse(lines[0]!) as Failure;
    expectValid('watch', data);
    expect(data).toMatchObject({ command: 'watch', error: 'input', problems: [{ field: 'centre' }] });
  });

  it('the installed command prints the JSON on standard output and nothing on standard error', async () => {
    const cwd = tempDir('json-errors');
    const r = await spawnKernekit(['list', '--card-size', '1x1', '--json'], { cwd, timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const data = JSON.parse(r.out) as Failure;
    expectValid('error', data);
    expect(data.problems[0]).toMatchObject({ field: '--card-size', message: expect.stringMatching(/too small/) });
  });
});
