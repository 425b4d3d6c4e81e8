import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../src/writers/manifest.js';
import { contentCopy, edit } from './helpers/content.js';
import { runKernekit, STACK_TRACE, type CliRun } from './helpers/cli.js';
import { snapshot, tempDir } from './helpers/files.js';
import { unzip } from './helpers/unzip.js';

// Issue 22, cases 1-9: each case names what a user saw go wrong. Every command runs in its own
// process under a time limit, so a build that waits or hangs fails its test instead of the suite.
const LIMIT = 90_000;
const SLOW = { timeout: 4 * LIMIT };

const kernekit = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; limitMs?: number } = {}) => runKernekit(args, { limitMs: LIMIT, ...options });
const build = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; limitMs?: number } = {}) => kernekit(['build', '--quiet', '--lang', 'da', ...args], options);

/** Ended by itself with this code, and said so in a line, without a stack trace. */
function expectEnded(r: CliRun, code: number, message?: RegExp): void {
  expect(r.code, `ended by itself with ${code}: ${r.err}`).toBe(code);
  expect(r.err).not.toMatch(STACK_TRACE);
  if (message) expect(r.err).toMatch(message);
}

const manifestOf = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

describe('1. a link inside out/ is replaced, never written through', () => {
  it('a linked index.html or PDF: the files they point at stay as they were', SLOW, async () => {
    const dir = tempDir('links');
    const content = contentCopy();
    const out = join(dir, 'out');
    const args = ['--content', content, '--only', 'handout', '--out', out];
    expectEnded(await build(args), 0);
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    writeFileSync(join(dir, 'pdf.txt'), 'another file of mine');
    rmSync(join(out, 'index.html'));
    symlinkSync(join(dir, 'notes.txt'), join(out, 'index.html'));
    rmSync(join(out, 'da', 'misforstaaelser.pdf'));
    symlinkSync('../../pdf.txt', join(out, 'da', 'misforstaaelser.pdf'));
    edit(content, 'kit.yaml', /^title: /m, 'title: Ny ');
    expectEnded(await build(args), 0);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(readFileSync(join(dir, 'pdf.txt'), 'utf8')).toBe('another file of mine');
    expect(lstatSync(join(out, 'index.html')).isFile(), 'the link became the index page').toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Ny ');
    expect(readFileSync(join(out, 'da', 'misforstaaelser.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a linked language folder: the folder it points at stays as it was', SLOW, async () => {
    const dir = tempDir('links');
    const out = join(dir, 'out');
    const args = ['--only', 'handout', '--out', out];
    expectEnded(await build(args), 0);
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'misforstaaelser.pdf'), 'not a PDF, mine');
    rmSync(join(out, 'da'), { recursive: true });
    symlinkSync(join(dir, 'mine'), join(out, 'da'));
    const before = snapshot(join(dir, 'mine'));
    expectEnded(await build([...args, '--force']), 0);
    expect(snapshot(join(dir, 'mine'))).toEqual(before);
    expect(lstatSync(join(out, 'da')).isDirectory()).toBe(true);
    expect(manifestOf(out).files.map((f) => f.path)).toContain('da/misforstaaelser.pdf');
  });
});

describe('init never writes through a link', () => {
  it('a kernekit.config.yaml that is a link to nowhere is there already: nothing is made where it leads', async () => {
    const dir = tempDir('init');
    mkdirSync(join(dir, 'kit'));
    symlinkSync('../elsewhere.yaml', join(dir, 'kit', 'kernekit.config.yaml'));
    expectEnded(await kernekit(['init', 'kit'], { cwd: dir }), 2, /kit\/kernekit\.config\.yaml already exists, and init never overwrites anything/);
    expect(existsSync(join(dir, 'elsewhere.yaml'))).toBe(false);
  });
});

describe("2. the cache folder is kernekit's own", () => {
  it("a KERNEKIT_CACHE_DIR holding the user's files is refused, and nothing in it is removed", SLOW, async () => {
    const shared = tempDir('shared-cache');
    for (const name of ['previews-mine', 'streams-2024', 'subsets-fonts']) {
      mkdirSync(join(shared, name));
      writeFileSync(join(shared, name, 'keep.txt'), name);
    }
    const before = snapshot(shared);
    const r = await build(['--only', 'handout', '--out', join(tempDir('cache'), 'out')], { env: { KERNEKIT_CACHE_DIR: shared } });
    expectEnded(r, 2, /KERNEKIT_CACHE_DIR=\S+ holds files kernekit did not make/);
    expect(snapshot(shared)).toEqual(before);
    expect(readdirSync(shared).sort()).toEqual(['previews-mine', 'streams-2024', 'subsets-fonts']);
  });

  it('an empty KERNEKIT_CACHE_DIR is refused, not taken as ~/.cache', async () => {
    const r = await kernekit(['validate'], { env: { KERNEKIT_CACHE_DIR: '' } });
    expectEnded(r, 2, /KERNEKIT_CACHE_DIR is set but empty/);
  });

  it("in kernekit's own cache folder, a folder it did not make is kept", SLOW, async () => {
    const cache = join(tempDir('cache'), 'kernekit');
    const out = join(tempDir('cache'), 'out');
    expectEnded(await build(['--only', 'handout', '--out', out], { env: { KERNEKIT_CACHE_DIR: cache } }), 0);
    expect(readFileSync(join(cache, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
    mkdirSync(join(cache, 'previews-mine'));
    writeFileSync(join(cache, 'previews-mine', 'keep.png'), 'mine');
    expectEnded(await build(['--only', 'handout', '--out', out, '--force'], { env: { KERNEKIT_CACHE_DIR: cache } }), 0);
    expect(readFileSync(join(cache, 'previews-mine', 'keep.png'), 'utf8')).toBe('mine');
  });
});

describe('3. i18n extract over a labels.json that is a link', () => {
  it('writes through to the file it links to inside the content folder, keeping the link and the permissions', async () => {
    const content = contentCopy();
    const labels = join(content, 'locales', 'en', 'labels.json');
    const shared = join(content, 'locales', 'en-labels.json');
    writeFileSync(shared, readFileSync(labels, 'utf8').replace(/\n\s*"file": "README\.txt",/, ''));
    chmodSync(shared, 0o640);
    rmSync(labels);
    symlinkSync('../en-labels.json', labels);
    expectEnded(await kernekit(['i18n', 'extract', '--lang', 'en', '--content', content]), 0);
    expect(lstatSync(labels).isSymbolicLink()).toBe(true);
    expect(readlinkSync(labels)).toBe('../en-labels.json');
    expect(statSync(shared).mode & 0o777).toBe(0o640);
    expect(readFileSync(shared, 'utf8')).toContain('"file": ""');
  });

  it('refuses a link that leads outside the content folder, naming it, and changes nothing', async () => {
    const content = contentCopy();
    const outside = join(tempDir('extract'), 'labels.json');
    const labels = join(content, 'locales', 'en', 'labels.json');
    writeFileSync(outside, readFileSync(labels, 'utf8').replace(/\n\s*"file": "README\.txt",/, ''));
    rmSync(labels);
    symlinkSync(outside, labels);
    const before = readFileSync(outside, 'utf8');
    const r = await kernekit(['i18n', 'extract', '--lang', 'en', '--content', content]);
    expectEnded(r, 1, /locales\/en\/labels\.json:1:1 The file is a link to \S*labels\.json, outside the content folder/);
    expect(readFileSync(outside, 'utf8')).toBe(before);
    expect(lstatSync(labels).isSymbolicLink()).toBe(true);
  });
});

describe('4. a lock that names no live process is stale', () => {
  it.each([['empty', ''], ['garbled', 'not a lock\n']])('an %s .out.lock is taken over at once', async (_name, text) => {
    const dir = tempDir('lock');
    writeFileSync(join(dir, '.out.lock'), text);
    const started = Date.now();
    const r = await build(['--only', 'handout', '--out', join(dir, 'out')], { limitMs: 60_000 });
    expectEnded(r, 0);
    expect(r.err + r.out).not.toMatch(/Waiting|NaN/);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(existsSync(join(dir, '.out.lock'))).toBe(false);
  });
});

describe('5. the folder holds what this build made, and nothing the content no longer has', () => {
  it('an exercise deleted and built with --force is gone from the folder, index.html, the zip, its read-me and manifest.json', SLOW, async () => {
    const content = contentCopy();
    const out = join(tempDir('stale'), 'out');
    const args = ['--content', content, '--only', 'worksheets', '--out', out];
    expectEnded(await build(args), 0);
    const gone = manifestOf(out).files.filter((f) => f.kind === 'pdf').pop()!;
    const name = gone.path.slice('da/'.length);
    rmSync(join(content, 'exercises', '4-faggrupper.yaml'));
    edit(content, 'kit.yaml', /^\s*faggrupper: .*\n/m, '');
    expectEnded(await build([...args, '--force']), 0);
    const manifest = manifestOf(out);
    expect(manifest.files.map((f) => f.path).filter((p) => p.includes(name.replace(/\.pdf$/, '')))).toEqual([]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).not.toContain(name.replace(/\.pdf$/, ''));
    expect(index).not.toContain(gone.title);
    const zipped = unzip(readFileSync(join(out, 'da', 'kernekit-da.zip')));
    expect([...zipped.keys()]).not.toContain(name);
    expect(zipped.get('LAES-MIG.txt')!.toString('utf8')).not.toContain(name);
    expect(existsSync(join(out, gone.path)), 'the PDF itself is removed').toBe(false);
    expect(existsSync(join(out, gone.html!))).toBe(false);
    expect(existsSync(join(out, gone.preview!))).toBe(false);
  });
});

describe('6. a content, layouts or config that is a broken or looping link is an error', () => {
  const project = (name: string, target: string) => {
    const dir = tempDir('links');
    if (target === 'loop') {
      symlinkSync(`${name}.b`, join(dir, name));
      symlinkSync(name, join(dir, `${name}.b`));
    } else symlinkSync(target, join(dir, name));
    return dir;
  };

  it.each([
    ['content', 'nowhere'],
    ['content', 'loop'],
    ['layouts', 'nowhere'],
    ['kernekit.config.yaml', 'nowhere.yaml'],
    ['kernekit.config.yaml', 'loop'],
  ])('%s linked to %s: validate and build stop with a line naming it', async (name, target) => {
    const dir = project(name, target);
    for (const command of [['validate'], ['build', '--only', 'handout', '--out', 'out']]) {
      const r = await kernekit(command, { cwd: dir });
      expect(r.code, `${command[0]}: ${r.err}`).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(r.err).not.toMatch(STACK_TRACE);
      expect(r.err).toContain(name);
      expect(r.err).toMatch(target === 'loop' ? /point in a circle/ : /is a link to \S+, which does not exist/);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });
});

describe('7. a content file that is not a regular file of a sane size', () => {
  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), /not a file but a pipe, device or socket/],
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file), /not a file but a pipe, device or socket/],
    ['600 MB', (file: string) => (writeFileSync(file, ''), truncateSync(file, 600_000_000)), /is 600 MB, more than the 5 MB a content or config file may have/],
  ])('%s among the content files: validate names it, at once', async (_name, plant, message) => {
    const content = contentCopy();
    const file = join(content, 'exercises', '5-mine.yaml');
    plant(file);
    const r = await kernekit(['validate', '--content', content], { limitMs: 30_000 });
    expectEnded(r, 1, message);
    expect(r.err).toContain('5-mine.yaml:1:1');
  });

  it('a FIFO inside out/ is named, and nothing is left beside out/', SLOW, async () => {
    const dir = tempDir('fifo');
    const out = join(dir, 'out');
    expectEnded(await build(['--only', 'handout', '--out', out]), 0);
    execFileSync('mkfifo', [join(out, 'pipe')]);
    const r = await build(['--only', 'handout', '--out', out, '--force'], { limitMs: 30_000 });
    expectEnded(r, 2, /out\/pipe is not a file or a folder but a pipe, device or socket/);
    expect(readdirSync(dir)).toEqual(['out']);
  });
});

describe('8. a translated file name may not be the name of a file the kit publishes', () => {
  it.each([
    ['planner.file', /"file": "plan-the-meeting\.html"/, '"file": "facilitatorguide.html"'],
    ['publish.readme.file', /"file": "README\.txt"/, '"file": "misforstaaelser.pdf"'],
  ])('%s', SLOW, async (key, from, to) => {
    const content = contentCopy();
    edit(content, 'locales/en/labels.json', from, to);
    const line = readFileSync(join(content, 'locales/en/labels.json'), 'utf8').split('\n').findIndex((l) => l.includes(to)) + 1;
    const out = join(tempDir('names'), 'out');
    const r = await kernekit(['build', '--quiet', '--lang', 'en', '--only', 'handout', '--content', content, '--out', out]);
    expectEnded(r, 1, new RegExp(`locales/en/labels\\.json:${line}:\\d+ ${key.replace('.', '\\.')}: .* is the name of a file the kit publishes`));
    expect(existsSync(out)).toBe(false);
  });
});

describe('9. manifest.json is read as untrusted input', () => {
  it('entries for languages and documents that are not the kit\'s are dropped, and get no section', SLOW, async () => {
    const out = join(tempDir('manifest'), 'out');
    expectEnded(await build(['--only', 'handout', '--out', out]), 0);
    const manifest = manifestOf(out);
    const handout = manifest.files.find((f) => f.kind === 'pdf')!;
    const pdf = readFileSync(join(out, handout.path));
    const plant = (language: string, path: string, document: string) => {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), pdf);
      manifest.files.push({ ...handout, language, path, document: document as never, preview: undefined, html: undefined });
    };
    plant('en/sub', 'en/sub/misforstaaelser.pdf', 'handout');
    plant('xx', 'xx/misforstaaelser.pdf', 'handout');
    plant('da', 'da/evil.pdf', 'evil');
    manifest.languages.push('xx', 'en/sub');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
    expectEnded(await build(['--only', 'handout', '--out', out, '--force']), 0);
    const rebuilt = manifestOf(out);
    expect(rebuilt.languages).toEqual(['da']);
    expect(rebuilt.files.map((f) => f.path).filter((p) => /en\/sub|xx\/|evil/.test(p))).toEqual([]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).not.toMatch(/lang-xx|en\/sub|evil/);
    expect(index.match(/<section id="lang-[^"]*"/g)).toEqual(['<section id="lang-da"']);
  });
});
