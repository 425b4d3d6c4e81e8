import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FitError, PosterSpaceError, reviveError, serializeError } from '../src/errors.js';
import { DEFAULT_LAYOUTS } from '../src/kit-paths.js';
import { reportError } from '../src/report-error.js';
import { terminalIo } from '../src/terminal.js';
import { BIN, runInProcess, runKernekit, startKernekit, STACK_TRACE } from './helpers/cli.js';
import { CONTENT, contentCopy, edit, lineOf } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { until } from './helpers/until.js';
import { startWatch } from './helpers/watch.js';

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
    // 200,000 levels kept validate busy for 30 s and more, and 5,000 overflowed the stack in build.
    // In a process of its own: a parse that blocks would also block a time limit in this one.
    const validate = await runKernekit(['validate', '--config', config], { limitMs: 15_000 });
    const build = await runKernekit(['build', '--only', 'guide', '--config', config, '--out', join(dir, 'out')], { limitMs: 15_000 });
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

describe('control characters', () => {
  it('NUL and an escape sequence in content are refused at their own line, like other characters that cannot be printed', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvad er hele arbejdspladsens kerneopgave?', 'text: "Hvad er \\x1b[2J hele arbejdspladsens kerneopgave?"');
    edit(dir, 'checklist.yaml', 'text: Hvad opfatter I som vores kerneopgave?', 'text: "Hvad opfatter I\\0 som vores kerneopgave?"');
    const r = await runInProcess(['validate', '--content', dir], 20_000);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`checklist.yaml:${lineOf(dir, 'checklist.yaml', '\\x1b[2J')}:15 actors[0].reflection[0].text: The text holds the invisible control character U+001B`);
    expect(r.err).toContain(`checklist.yaml:${lineOf(dir, 'checklist.yaml', 'I\\0 som')}:15 actors[1].dialogue[0].text: The text holds the invisible control character U+0000`);
  });

  it('in a translation too, named without the character itself', async () => {
    const dir = contentCopy();
    const file = join(dir, 'locales/en/content.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("kit": \{\n\s*"title": ")/, '$1\\u001b[31m'));
    const r = await runInProcess(['validate', '--content', dir], 20_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/locales\/en\/content\.json:\d+:\d+ en:content:kit\.title: The fonts cannot print U\+001B \(a control character\)/);
    expect(r.err).not.toContain('\x1b');
  });

  it('a message never carries an escape sequence to the terminal', () => {
    const written: string[] = [];
    const stream = { isTTY: true, hasColors: () => false, write: (t: string) => written.push(t) };
    terminalIo(stream, stream).err(new FitError('misforstaaelser.pdf', 'header', 'da', 'Kerne\x1b[2J\x1b]0;owned\x07opgaven', 8).message);
    expect(written.join('')).toContain('Kerne\\u{1B}[2J\\u{1B}]0;owned\\u{7}opgaven');
    expect(written.join('')).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  });
});

describe('every located message points at its own key', () => {
  it('two emoji on different lines are each reported at their own line', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvad er hele arbejdspladsens kerneopgave?', 'text: Hvad er hele arbejdspladsens kerneopgave 😀?');
    edit(dir, 'checklist.yaml', 'text: Hvad opfatter I som vores kerneopgave?', 'text: Hvad opfatter I som vores kerneopgave 😀?');
    const r = await runInProcess(['validate', '--content', dir], 20_000);
    expect(r.code).toBe(1);
    const lines = [...r.err.matchAll(/checklist\.yaml:(\d+):\d+ da:content:item\.([\w-]+): The fonts cannot print U\+1F600/g)].map((m) => [Number(m[1]), m[2]]);
    expect(lines).toEqual([
      [lineOf(dir, 'checklist.yaml', 'arbejdspladsens kerneopgave 😀'), 'ds-hele-arbejdspladsen'],
      [lineOf(dir, 'checklist.yaml', 'vores kerneopgave 😀'), 'tr-opfatter-kerneopgave'],
    ]);
  });

  it('a lone surrogate is reported in its own file, at its field', async () => {
    const dir = contentCopy();
    edit(dir, 'misunderstandings.yaml', /claim: (.*)$/m, 'claim: "$1 \\ud800"');
    const r = await runInProcess(['validate', '--content', dir], 20_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`/misunderstandings\\.yaml:${lineOf(dir, 'misunderstandings.yaml', '\\ud800')}:\\d+ misunderstandings\\[0\\]\\.claim: The text holds half a character \\(the lone surrogate U\\+D800\\)`, 'm'));
  });

  it('an organisation name of two lines is refused by validate at its line in the config', async () => {
    const dir = tempDir('config');
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'paper: a4\norganisation: "A\\nB"\n');
    const r = await runInProcess(['validate', '--config', join(dir, 'kernekit.config.yaml')], 20_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kernekit\.config\.yaml:2:\d+ organisation: The organisation name is one line/);
  });

  it('a content file that cannot be read is reported as unreadable, not as "cannot write"', async (ctx) => {
    const dir = tempDir('unreadable');
    cpSync(CONTENT, join(dir, 'content'), { recursive: true });
    // As root every file is readable: the command then runs as the user nobody, in folders nobody may use.
    const root = process.getuid?.() === 0;
    // nobody must reach kernekit itself: a clone inside a private folder (root's home) cannot be run as nobody. .ci/run opens its clone's folder for this.
    if (root && spawnSync('test', ['-r', BIN], { uid: 65534, gid: 65534 }).status !== 0) ctx.skip();
    if (root) execFileSync('chmod', ['-R', 'a+rwX', dir]);
    chmodSync(join(dir, 'content/checklist.yaml'), 0o000);
    const asNobody = root ? { uid: 65534, gid: 65534 } : {};
    const env = { ...process.env, KERNEKIT_CACHE_DIR: join(dir, 'cache'), HOME: dir };
    for (const command of [['build', '--only', 'handout', '--out', 'out'], ['validate']]) {
      const r = spawnSync(process.execPath, [BIN, ...command], { cwd: dir, env, encoding: 'utf8', timeout: 30_000, ...asNobody });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot read content\/checklist\.yaml: permission denied|content\/checklist\.yaml:1:1 Cannot read the file: permission denied/);
      expect(r.stderr).not.toMatch(/cannot write/);
    }
  });

  it('2,000 questions on one actor blame the count, at its list', async () => {
    const dir = contentCopy();
    const questions = Array.from({ length: 2000 }, (_, i) => `      - id: tr-ekstra-${i}\n        text: Spørgsmål ${i}?\n`).join('');
    edit(dir, 'checklist.yaml', '      - id: tr-forskelle-faggrupper\n', `${questions}      - id: tr-forskelle-faggrupper\n`);
    const r = await runInProcess(['validate', '--content', dir], 20_000);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(/checklist\.yaml:\d+:\d+ actors\[1\]\.reflection: This actor has 2006 questions; an actor has at most 20 .* \[too-many-questions\]$/),
      '1 problem found. Nothing was written.',
    ]);
  });

  it('more questions than an actor page holds blame the count, not the first question', async () => {
    const dir = contentCopy();
    const questions = Array.from({ length: 6 }, (_, i) => `      - id: tr-ekstra-${i}\n        text: Hvad nu ${i}?\n`).join('');
    edit(dir, 'checklist.yaml', '      - id: tr-forskelle-faggrupper\n', `${questions}      - id: tr-forskelle-faggrupper\n`);
    const r = await runInProcess(['build', '--only', 'actors', '--content', dir, '--out', join(tempDir('out'), 'out')], 40_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kernekit: 360-graders-blik\.pdf \(da\): the page for "tillidsrepraesentanter": its 12 questions, each with 2 writing lines under it, leave \d+ mm for all their texts/);
  });
});

describe('the command line', () => {
  it.each(['--printer-margin', '--bleed'])("%s '' is a usage error, not 0 mm", async (option) => {
    const r = await runInProcess(['build', '--only', 'cards', option, '', '--out', join(tempDir('out'), 'out')], 10_000);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^kernekit: ${option} "" is not a number\\. Give millimetres`));
  });
});

describe('watch', () => {
  it('after content/ is deleted and copied back, it rebuilds on the next edit', async () => {
    const parent = tempDir('watch');
    const content = join(parent, 'content');
    cpSync(CONTENT, content, { recursive: true });
    const { lines, errors, stop } = startWatch({ content, out: join(parent, 'out'), only: 'handout' });
    try {
      await until(() => lines.some((l) => l.startsWith('Watching')), 'the first build', 40_000);
      rmSync(content, { recursive: true });
      await until(() => errors.some((l) => /File is missing|No exercises found/.test(l)), 'the report of the missing content', 20_000);
      cpSync(CONTENT, content, { recursive: true });
      await until(() => lines.some((l) => l.startsWith('Rebuilt') || l === 'Nothing to rebuild.'), 'the build after the copy', 40_000);
      lines.length = 0;
      edit(content, 'misunderstandings.yaml', /claim: (.*)$/m, 'claim: $1 Igen.');
      await until(() => lines.some((l) => l.startsWith('Rebuilt')), 'the rebuild after an edit', 40_000);
      expect(lines.some((l) => l.includes('misforstaaelser.pdf'))).toBe(true);
    } finally {
      expect(await stop()).toBe(0);
    }
  }, 120_000);
});

describe('the poster', () => {
  it('a checklist with more actors than the poster has cells is a content error at its list', async () => {
    const dir = contentCopy();
    const actor = (n: number) => `  - id: ekstra-${n}\n    code: E${n}\n    name: Ekstra ${n}\n    reflection:\n      - id: ekstra-${n}-a\n        text: Hvad nu?\n    dialogue: []\n`;
    writeFileSync(join(dir, 'checklist.yaml'), readFileSync(join(dir, 'checklist.yaml'), 'utf8') + actor(1));
    const r = await runInProcess(['validate', '--content', dir], 20_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/checklist\.yaml:\d+:\d+ actors: The checklist has at most 7 actors: the one at the centre and six around it/);
  });

  it('PosterSpaceError is a message, exit 1, even from a render thread', async () => {
    const lines: string[] = [];
    const revived = await reviveError(serializeError(new PosterSpaceError('a wheel of 900 mm leaves no room.')));
    expect(reportError(revived, { out: () => {}, err: (t) => lines.push(t) })).toBe(1);
    expect(lines.join('\n')).toBe('kernekit: poster: a wheel of 900 mm leaves no room.\nNothing was written.');
  });
});
