import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrawError } from '../src/errors.js';
import { runLayout } from '../src/layout/layouts.js';
import { LAYOUT_DIR } from '../src/kit-paths.js';
import { reportError } from '../src/report-error.js';
import { renderPdf } from '../src/render/render.js';
import { contentCopy, edit, lineOf } from './helpers/content.js';
import { runInProcess, runKernekit, STACK_TRACE } from './helpers/cli.js';
import { snapshot, tempDir } from './helpers/files.js';
import { pngFile } from './helpers/png.js';

/** An alias bomb: each anchor repeats the one before nine times, 9^9 strings from a few hundred bytes. */
const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => {
  const prev = 'abcdefghi'[i];
  return `${c}: &${c} [${Array(9).fill(`*${prev}`).join(', ')}]`;
})].join('\n');

/** A PNG that is only a header: enough for kernekit to judge its size before reading pixels. */
function pngHeader(width: number, height: number): Buffer {
  return pngFile(width, height, 2, Buffer.alloc(0));
}

/** A config folder with the YAML and the files it names. */
function config(yaml: string, files: Record<string, Buffer | string> = {}): string {
  const dir = tempDir('hardening');
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  writeFileSync(join(dir, 'kernekit.config.yaml'), yaml);
  return join(dir, 'kernekit.config.yaml');
}

function oneLine(err: string): void {
  expect(err).not.toMatch(STACK_TRACE);
}

describe('YAML that would exhaust memory', () => {
  it('an alias bomb in the content is one problem at its line', async () => {
    const dir = contentCopy();
    writeFileSync(join(dir, 'misunderstandings.yaml'), ALIAS_BOMB);
    const r = await runInProcess(['validate', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/misunderstandings\.yaml:2:\d+ .*aliases.* \[yaml-aliases\]/);
    oneLine(r.err);
  });

  it('an alias bomb in the config stops the build with exit 1', async () => {
    const r = await runInProcess(['build', '--config', config(ALIAS_BOMB), '--out', join(tempDir('hardening'), 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kernekit\.config\.yaml:2:\d+ .*\[yaml-aliases\]/);
  });
});

describe('translation files', () => {
  it('a number, a list or null where a text belongs is named with file, line and key', async () => {
    const dir = contentCopy();
    const file = join(dir, 'locales/en/labels.json');
    const labels = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...labels, extraNumber: 42, extraList: ['a'] }, null, 2));
    for (const command of [['validate'], ['build', '--lang', 'en', '--only', 'handout', '--out', join(tempDir('hardening'), 'out')]]) {
      const r = await runInProcess([...command, '--content', dir]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/locales\/en\/labels\.json:\d+:\d+ extraNumber: .*not the number 42/);
      expect(r.err).toMatch(/extraList: .*not a list/);
      oneLine(r.err);
    }
  });

  it('a 460 KB translation is refused at once, not fitted for minutes', async () => {
    const dir = contentCopy();
    const file = join(dir, 'locales/en/content.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"kit": \{\n(\s*)"title": "[^"]*"/, (_m, indent) => `"kit": {\n${indent}"title": "${'Long words '.repeat(42_000)}"`));
    const r = await runInProcess(['build', '--lang', 'en', '--only', 'handout', '--content', dir, '--out', join(tempDir('hardening'), 'out')], 20_000);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/content\.json:\d+:\d+ kit\.title: The text is longer than 2000 characters/);
  });

  it('a file that is not UTF-8 is named with the line of the first wrong byte', async () => {
    const dir = contentCopy();
    const file = join(dir, 'checklist.yaml');
    const line = lineOf(dir, 'checklist.yaml', 'Fremfærd');
    writeFileSync(file, Buffer.from(readFileSync(file, 'utf8').replace(/[^\x00-\xff]/g, '-'), 'latin1'));
    const r = await runInProcess(['validate', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`checklist.yaml:${line}:`);
    expect(r.err).toMatch(/not UTF-8 .*\[not-utf8\]/);
  });
});

describe('validate checks what build checks', () => {
  it('a character the fonts lack in Danish is named at its YAML file, line and column', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om dette ☃?');
    const line = lineOf(dir, 'checklist.yaml', '☃');
    const column = readFileSync(join(dir, 'checklist.yaml'), 'utf8').split('\n')[line - 1]!.indexOf('dette ☃') + 7;
    const validated = await runInProcess(['validate', '--content', dir]);
    const built = await runInProcess(['build', '--only', 'cards', '--content', dir, '--out', join(tempDir('hardening'), 'out')]);
    for (const r of [validated, built]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain(`checklist.yaml:${line}:${column} da:content:item.pt-samarbejde: The fonts cannot print U+2603`);
      expect(r.err).not.toContain('content.json');
    }
  });

  it('a missing Danish label file', async () => {
    const dir = contentCopy();
    rmSync(join(dir, 'source-da/labels.json'));
    const r = await runInProcess(['validate', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/source-da\/labels\.json:1:1 The Danish label file is missing/);
  });

  it.each([['2015-02-30'], ['2015-13-01']])('an impossible date, %s', async (date) => {
    const dir = contentCopy();
    edit(dir, 'kit.yaml', /^date: .*$/m, `date: ${date}`);
    const r = await runInProcess(['validate', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`kit\\.yaml:${lineOf(dir, 'kit.yaml', `date: ${date}`)}:\\d+ date: There is no such day in the calendar`));
  });
});

describe('the command line', () => {
  it.each([['--only', 'cards', 'handout'], ['--lang', 'da', 'en'], ['--out', 'a', 'b']])('a repeated %s is a usage error, exit 2', async (option, a, b) => {
    const out = option === '--out' ? [] : ['--out', join(tempDir('hardening'), 'out')];
    const r = await runInProcess(['build', option, a, option, b, ...out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${option} is given more than once (${a}, ${b})`);
    oneLine(r.err);
  });

  it('a negative card size is judged as a card size', async () => {
    const r = await runInProcess(['build', '--card-size', '-5x10', '--out', join(tempDir('hardening'), 'out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--card-size "-5x10" is not a card size');
  });

  it('--config naming a folder is one problem, exit 1', async () => {
    const r = await runInProcess(['build', '--config', tempDir('hardening'), '--out', join(tempDir('hardening'), 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/:1:1 Cannot read the file: it is a folder where a file was expected.*\(EISDIR\)/);
  });

  it('cardSize: 0x0 in the config is a card size, not a hexadecimal number', async () => {
    const r = await runInProcess(['list', '--config', config('cardSize: 0x0\n')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cardSize: 0x0 is too small/);
  });

  it('a SOURCE_DATE_EPOCH after the year 9999 is refused, not written as year 0000', async () => {
    const r = await runKernekit(['build', '--only', 'handout', '--out', join(tempDir('hardening'), 'out')], { env: { SOURCE_DATE_EPOCH: '253402300800' }, limitMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.err).toContain('SOURCE_DATE_EPOCH=253402300800 is not a date a PDF can hold');
  });
});

describe('files in the content folder', () => {
  it("an editor's lock file (a dangling .# symlink) is ignored", async () => {
    const dir = contentCopy();
    symlinkSync('user@host.1234:1700000000', join(dir, '.#checklist.yaml'));
    symlinkSync('nowhere', join(dir, 'exercises', '.#1-hvem-definerer.yaml'));
    const out = join(tempDir('hardening'), 'out');
    expect((await runInProcess(['validate', '--content', dir])).code).toBe(0);
    expect((await runInProcess(['build', '--only', 'handout', '--content', dir, '--out', out])).code).toBe(0);
  });

  it('a symlink loop is named in one line, exit 1', async () => {
    const dir = contentCopy();
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const r = await runInProcess(['build', '--only', 'handout', '--content', dir, '--out', join(tempDir('hardening'), 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kernekit: cannot read .*loop-a: its symbolic links point in a circle.*\(ELOOP\)$/);
  });
});

describe('logos', () => {
  const refused = async (yaml: string, files: Record<string, Buffer | string>) => {
    const r = await runInProcess(['list', '--config', config(yaml, files)]);
    expect(r.code).toBe(1);
    oneLine(r.err);
    return r.err;
  };

  it('a PNG of more than 4 megapixels is refused before it is decoded', async () => {
    expect(await refused('logo: big.png\n', { 'big.png': pngHeader(8000, 8000) })).toMatch(/8000×8000 pixels, more than the 4 megapixels a logo may have/);
  });

  it('an SVG that is not well-formed, declares entities or has a broken viewBox', async () => {
    expect(await refused('logo: a.svg\n', { 'a.svg': '<svg viewBox="0 0 10 10"><g><rect/></svg>' })).toMatch(/not well-formed SVG \(Unexpected close tag, line 1, column \d+\)/);
    expect(await refused('logo: b.svg\n', { 'b.svg': '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaa">]>\n<svg viewBox="0 0 9 9"><text>&a;</text></svg>' })).toMatch(/declares XML entities/);
    expect(await refused('logo: c.svg\n', { 'c.svg': '<svg viewBox="nonsense"><rect/></svg>' })).toMatch(/viewBox="nonsense"; a viewBox is four numbers/);
  });

  it('a pipe is not called a folder, and is never read', async () => {
    const dir = tempDir('hardening');
    execFileSync('mkfifo', [join(dir, 'logo.png')]);
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'logo: logo.png\n');
    const r = await runInProcess(['list', '--config', join(dir, 'kernekit.config.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/"logo\.png" is not a file but a device, pipe or socket/);
  });
});

describe('errors from the disk', () => {
  it.each([
    ['ENOSPC', 'write', /^kernekit: cannot write out\/da\/x\.pdf: there is no space left on the disk\. .*\(ENOSPC\)$/],
    ['EACCES', 'open', /^kernekit: cannot write out\/da\/x\.pdf: permission denied\. .*\(EACCES\)$/],
    ['EROFS', 'mkdir', /^kernekit: cannot write out\/da\/x\.pdf: the disk is read-only\. .*\(EROFS\)$/],
    ['EISDIR', 'read', /^kernekit: cannot read out\/da\/x\.pdf: it is a folder .*\(EISDIR\)$/],
  ])('%s is one line naming the path, exit 1', (code, syscall, message) => {
    const err = Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, path: join(process.cwd(), 'out/da/x.pdf') });
    const lines: string[] = [];
    expect(reportError(err, { out: () => {}, err: (t) => lines.push(t) })).toBe(1);
    expect(lines.join('\n')).toMatch(message);
  });

  it('an output folder that cannot be written leaves nothing behind and exits', async () => {
    const parent = tempDir('hardening');
    writeFileSync(join(parent, 'file'), 'a file, not a folder');
    const r = await runKernekit(['build', '--only', 'handout', '--out', join(parent, 'file', 'out')], { limitMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kernekit: cannot (read|write) .*file: a part of the path is a file where a folder was expected.*\(ENOTDIR\)$/m);
    oneLine(r.err);
    expect(Object.keys(snapshot(parent))).toEqual(['file']);
  });
});

describe('layouts', () => {
  it('reading past a value (constructor.constructor) names the line that does it', () => {
    const name = `.probe-${process.pid}.hbs`;
    writeFileSync(join(LAYOUT_DIR, name), '// a probe\n{\n  a: 1,\n  b: {{json title.constructor.constructor}},\n}\n');
    try {
      expect(() => runLayout(name, { title: 'x' }, (k) => k)).toThrow(`layouts/${name}:4: "constructor" cannot be read`);
    } finally {
      rmSync(join(LAYOUT_DIR, name));
    }
  });

  // A refused image: is a ReadRefusedError from the read policy (test/fs-boundaries.test.ts).
  it("a font: that pdfmake refuses is a DrawError naming the document, not a crash", async () => {
    const meta = { title: 't', author: 'a', subject: 's', keywords: '', creator: 'c', language: 'da', date: new Date(0) };
    const page = { width: 100, height: 100 };
    for (const [content, reason] of [
      [{ text: 'x', font: 'Nope' }, /Font 'Nope'/],
    ] as const) {
      const err = await renderPdf({ meta, page, content: content as never }).catch((e: unknown) => DrawError.from(e, 'handout', 'da'));
      expect(err).toBeInstanceOf(DrawError);
      expect((err as Error).message).toMatch(reason);
      expect((err as Error).message).toMatch(/^handout \(da\) cannot be drawn: /);
    }
  });
});
