import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUTS } from '../src/kit-paths.js';
import { runInProcess, runKernekit, startKernekit, STACK_TRACE } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';
import { until } from './helpers/until.js';

// Issue 22's "messages instead of traces, and the right cause": each mistake is one line that
// names the file and line where the user fixes it, exit 1 (2 for the command line), never a
// stack trace, and every test runs under a time limit.

/** A kit folder with its own copy of the layouts, one line of `file` changed. */
function brokenLayouts(file: string, from: string | RegExp, to: string): string {
  const dir = tempDir('layouts');
  cpSync(DEFAULT_LAYOUTS, join(dir, 'layouts'), { recursive: true });
  const path = join(dir, 'layouts', file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: ${String(from)} not in ${file}`);
  writeFileSync(path, after);
  return dir;
}

/** The 1-based line of the first line of a default layout that contains `needle`. */
function layoutLine(file: string, needle: string): number {
  return readFileSync(join(DEFAULT_LAYOUTS, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const HANDOUT_TITLE = '{{json kitTitle}}';
const handoutLine = () => layoutLine('handout.hbs', HANDOUT_TITLE);

describe('layout mistakes are one line naming the layout file and line', () => {
  it.each([
    ['a missing brace in a PDF layout', 'handout.hbs', HANDOUT_TITLE, '{{json kitTitle}', /the template cannot be read near ".*\{\{json kitTitle\}, fontSize/],
    ['a missing brace in an HTML layout', 'html/handout.hbs', '{{kitTitle}}', '{{kitTitle}', /the template cannot be read near ".*\{\{kitTitle\}<\/span>/],
    ['a missing brace in an HTML partial', 'html/_page.hbs', '<title>{{page.title}}', '<title>{{page.title}', /the template cannot be read near ".*<title>\{\{page\.title\}</],
    ['fontSize: NaN', 'handout.hbs', /(\{\{json kitTitle\}\}, )fontSize: 10/, '$1fontSize: NaN', /fontSize is NaN, which no page can hold/],
    ['margin: 1e9', 'handout.hbs', /(\{\{json kitTitle\}\}.*)margin: \[0, 0, 0, 2\]/, '$1margin: 1e9', /margin is 1000000000, which no page can hold/],
    ['{{json}} with no value', 'handout.hbs', HANDOUT_TITLE, '{{json}}', /json takes one value, here none/],
    ['{{log}}', 'handout.hbs', HANDOUT_TITLE, '{{log "hi"}}"x"', /\{\{log\}\} is not available in layouts/],
  ])('%s', async (_name, file, from, to, reason) => {
    const cwd = brokenLayouts(file, from, to);
    const line = file === 'html/_page.hbs' ? layoutLine(file, '<title>') : file === 'html/handout.hbs' ? layoutLine(file, '{{kitTitle}}') : handoutLine();
    const r = await runKernekit(['build', '--only', 'handout', '--out', 'out', '--json'], { cwd, limitMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const report = JSON.parse(r.out) as { problems: Array<{ file: string; line: number; message: string }> };
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: `layouts/${file}`, line });
    expect(report.problems[0]!.message).toMatch(reason);
    expect(report.problems[0]!.message).not.toContain('\n');
  });

  it('in watch, too: one line, and watch goes on', async () => {
    const cwd = brokenLayouts('handout.hbs', HANDOUT_TITLE, '{{json kitTitle}');
    const watch = startKernekit(['watch', '--only', 'handout', '--out', 'out'], { cwd, limitMs: 30_000 });
    await until(() => watch.output().out.includes('Watching'), 'the first build', 25_000);
    watch.signal('SIGINT');
    const r = await watch.done;
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^kernekit: layouts/handout\\.hbs:${handoutLine()}: the template cannot be read`, 'm'));
    expect(r.err).not.toMatch(STACK_TRACE);
  });
});

describe('logos', () => {
  /** An SVG whose groups nest `depth` levels deep. */
  const nested = (depth: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n${'<g>'.repeat(depth)}<rect width="1" height="1"/>${'</g>'.repeat(depth)}</svg>\n`;

  it.each([5_000, 200_000])('an SVG nested %i levels deep is refused at once, by validate and build', async (depth) => {
    const dir = tempDir('logo');
    writeFileSync(join(dir, 'logo.svg'), nested(depth));
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'logo: logo.svg\n');
    const config = join(dir, 'kernekit.config.yaml');
    // 200,000 levels took validate 30 s, and 5,000 overflowed the stack in build.
    const validate = await runInProcess(['validate', '--config', config], 10_000);
    const build = await runInProcess(['build', '--only', 'guide', '--config', config, '--out', join(dir, 'out')], 10_000);
    for (const r of [validate, build]) {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Logo "logo\.svg" nests its elements more than 100 deep \(line 2\)/);
      expect(r.err).not.toMatch(STACK_TRACE);
    }
  });

  it('a logo nested as deep as the limit is still drawn', async () => {
    const dir = tempDir('logo');
    writeFileSync(join(dir, 'logo.svg'), nested(99));
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'logo: logo.svg\n');
    const r = await runInProcess(['validate', '--config', join(dir, 'kernekit.config.yaml')], 10_000);
    expect(r.err).not.toMatch(/logo/i);
  });
});
