import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRgbPng } from '../src/config/png.js';
import { ReadRefusedError } from '../src/errors.js';
import { renderPdf, type PdfRequest } from '../src/render/render.js';
import { outputFolder } from '../src/publish/out-folder.js';
import type { Manifest } from '../src/publish/manifest.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';
import { runCli, type CliRun } from './helpers/run-cli.js';
import { unzip } from './helpers/unzip.js';

// Every build here runs in its own process under a time limit (runCli), so a hang fails.
const BUILD_LIMIT = 120_000;
const SLOW = { timeout: 4 * BUILD_LIMIT };

/** A failure as the rules ask for: its own exit code, one message, no stack trace. */
function expectRefused(r: CliRun, code: 1 | 2, message: RegExp): void {
  expect(r.timedOut, 'the process ended by itself').toBe(false);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at |internal error/);
  expect(r.code).toBe(code);
}

const build = (args: string[], cwd?: string) => runCli(['build', '--quiet', ...args], { cwd, limitMs: BUILD_LIMIT });

describe('--out: kernekit writes only into a folder that is new, empty or its own', () => {
  it("refuses a folder of the user's and leaves every file in it as it was", async () => {
    const dir = tempDir('fs');
    const mine = join(dir, 'u');
    mkdirSync(mine);
    writeFileSync(join(mine, 'index.html'), 'mine');
    const before = snapshot(mine);
    const r = await build(['--only', 'handout', '--out', mine]);
    expectRefused(r, 2, /--out \S+u already holds files that kernekit did not write .*Give an empty or new folder/);
    expect(snapshot(mine)).toEqual(before);
    expect(readdirSync(dir), 'no staging folder left beside it').toEqual(['u']);
    // watch refuses it too, and ends instead of watching.
    expectRefused(await runCli(['watch', '--only', 'handout', '--out', mine], { limitMs: BUILD_LIMIT }), 2, /already holds files that kernekit did not write/);
    expect(snapshot(mine)).toEqual(before);
  });

  // The project sits two levels inside a temporary folder, so even a build that ignored the
  // refusal could only reach temporary folders.
  it.each([
    ['the content folder', (c: string) => c, /is the content folder/],
    ['a folder inside the content', (c: string) => join(c, 'ud'), /lies inside the content folder/],
    ['the folder that holds the content', (c: string) => join(c, '..'), /is the current folder/],
    ['the current folder', () => '.', /is the current folder/],
    ["the current folder's parent", () => '..', /holds the current folder/],
  ])('refuses %s, writing nothing', async (_name, out, message) => {
    const outer = tempDir('fs-project');
    const project = join(outer, 'kommune', 'kit');
    const content = join(project, 'content');
    cpSync(CONTENT, content, { recursive: true });
    const before = snapshot(outer);
    const r = await build(['--content', content, '--only', 'handout', '--out', out(content)], project);
    expectRefused(r, 2, message);
    expect(snapshot(outer)).toEqual(before);
  });

  // Checked without running a build: a build that ignored them would copy the whole disk.
  it('refuses the root folder and the home folder', () => {
    expect(() => outputFolder('/', CONTENT)).toThrow(/--out \/ is the root folder: a build replaces its whole output folder/);
    expect(() => outputFolder(homedir(), CONTENT)).toThrow(/is your home folder|holds the current folder/);
  });

  it('rebuilds a folder it made (recognised by its manifest.json), keeping a file it did not write with its date', SLOW, async () => {
    const out = join(tempDir('fs'), 'out');
    expect((await build(['--only', 'handout', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).kernekit).toMatch(/^\d+\.\d+/);
    writeFileSync(join(out, 'noter.txt'), 'the publisher’s own notes');
    const old = new Date('2020-01-02T03:04:05Z');
    utimesSync(join(out, 'noter.txt'), old, old);
    expect((await build(['--only', 'handout', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(join(out, 'noter.txt'), 'utf8')).toBe('the publisher’s own notes');
    expect(statSync(join(out, 'noter.txt')).mtime).toEqual(old);
  });

  it('through a linked --out, a failed build leaves the linked folder as it was, and the link a link', SLOW, async () => {
    const dir = tempDir('fs');
    const content = contentCopy();
    mkdirSync(join(dir, 'real'));
    symlinkSync('real', join(dir, 'link'));
    const args = ['--content', content, '--only', 'handout', '--lang', 'da,en', '--out', join(dir, 'link')];
    expect((await build(args)).code).toBe(0);
    const before = snapshot(join(dir, 'real'));
    // An untranslated key fails a --strict build after every PDF was rendered.
    edit(content, 'locales/en/content.json', /"claim": "[^"]*"/, '"claim": ""');
    const r = await build([...args, '--strict', '--force']);
    expectRefused(r, 1, /untranslated key[\s\S]*Nothing was written\./);
    expect(snapshot(join(dir, 'real'))).toEqual(before);
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['link', 'real']);
  });
});

describe('language codes: one parser for every command', () => {
  it('refuses codes that are paths, in extract and status, and writes nothing', async () => {
    // Nested, so that even ../../../x stays inside the test's own folder.
    const outer = tempDir('fs');
    const content = join(outer, 'a', 'b', 'content');
    cpSync(CONTENT, content, { recursive: true });
    const before = snapshot(outer);
    for (const lang of ['../x', '../../../x', './da', 'da/../en']) {
      expectRefused(await runCli(['i18n', 'extract', '--lang', lang, '--content', content]), 2, /is not a language code\. Write a BCP 47 tag/);
    }
    expectRefused(await runCli(['i18n', 'status', '--lang', '../../etc', '--content', content]), 2, /"\.\.\/\.\.\/etc" is not a language code/);
    expect(snapshot(outer)).toEqual(before);
  });

  it('writes codes in their canonical form: EN is en, pt_BR is pt-BR', async () => {
    const r = await runCli(['list', '--lang', 'EN,da']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^en {2}out\/en\/spoergsmaalskort\.pdf/m);
    expect(r.out).not.toMatch(/EN\//);
    expectRefused(await runCli(['list', '--lang', 'pt_BR']), 2, /--lang pt-BR has no translation/);
  });

  it('does not build a language without a translation as a Danish kit under its name', async () => {
    const out = join(tempDir('fs'), 'out');
    const r = await build(['--lang', 'da,sv', '--only', 'handout', '--out', out]);
    expectRefused(r, 2, /--lang sv has no translation: there is no folder \S*locales\/sv\. Start one with: kernekit i18n extract --lang sv/);
    expect(existsSync(out)).toBe(false);
  });

  it('checks the config file’s languages the same way, naming file, line and field', async () => {
    const dir = tempDir('fs');
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'organisation: Eksempel\nlanguages: [da, ../x, sv]\n');
    const r = await runCli(['list', '--content', CONTENT], { cwd: dir });
    expectRefused(r, 1, /kernekit\.config\.yaml:2:\d+ languages\[1\]: "\.\.\/x" is not a language code/);
    expect(r.err).toMatch(/kernekit\.config\.yaml:2:\d+ languages\[2\]: sv has no translation/);
  });
});

describe('rendering reads no file but its own fonts', () => {
  const page: PdfRequest['page'] = { width: 100, height: 100 };
  const meta: PdfRequest['meta'] = { title: 't', author: 'a', subject: 's', keywords: 'k', creator: 'c', language: 'da', date: new Date(0) };
  const png = encodeRgbPng({ width: 2, height: 2, rgb: Buffer.alloc(12, 200) });
  const hasImage = (pdf: Buffer) => pdf.toString('latin1').includes('/Subtype /Image');
  const svgWith = (href: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="${href}" width="20" height="20"/></svg>`;

  it('an SVG <image> pointing at a file on disk is refused, naming the file; as data it is drawn', async () => {
    const file = join(tempDir('fs'), 'any.png');
    writeFileSync(file, png);
    await expect(renderPdf({ meta, page, content: [{ svg: svgWith(file) }] })).rejects.toThrow(new ReadRefusedError(file));
    const asData = await renderPdf({ meta, page, content: [{ svg: svgWith(`data:image/png;base64,${png.toString('base64')}`) }] });
    expect(hasImage(asData.bytes), 'the same image as data is embedded, so the check can see one').toBe(true);
  });

  it('an image: node pointing at a file on disk is refused', async () => {
    const file = join(tempDir('fs'), 'any.png');
    writeFileSync(file, png);
    await expect(renderPdf({ meta, page, content: [{ image: file }] })).rejects.toThrow(ReadRefusedError);
  });

  it('a logo SVG with a link is refused: links are not part of a logo', async () => {
    const dir = tempDir('fs');
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><a href="javascript:alert(1)"><rect width="10" height="10"/></a></svg>');
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'logo: logo.svg\n');
    const r = await runCli(['list', '--content', CONTENT], { cwd: dir });
    expectRefused(r, 1, /kernekit\.config\.yaml:1:\d+ logo: Logo "logo\.svg" contains an <a> element/);
  });
});

describe('the published folder is not trusted as input', () => {
  it('a manifest entry or a link that leads outside out/ is neither zipped nor linked', SLOW, async () => {
    const dir = tempDir('fs');
    const out = join(dir, 'out');
    expect((await build(['--only', 'handout', '--out', out])).code).toBe(0);
    writeFileSync(join(dir, 'hemmelig.txt'), 'HEMMELIGT INDHOLD');
    symlinkSync('../../hemmelig.txt', join(out, 'da', 'genvej.pdf'));
    const manifest: Manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const handout = manifest.files.find((f) => f.kind === 'pdf')!;
    const planted = (path: string) => ({ ...handout, path, bytes: 17, title: 'Planted' });
    manifest.files.push(planted('da/../../hemmelig.txt'), planted('da/genvej.pdf'), planted('/etc/hostname'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));

    expect((await build(['--only', 'cards', '--out', out])).code).toBe(0);
    const entries = unzip(readFileSync(join(out, 'da', 'kernekit-da.zip')));
    expect([...entries.keys()].sort()).toEqual(['LAES-MIG.txt', 'misforstaaelser.pdf', 'spoergsmaalskort.pdf']);
    for (const data of entries.values()) expect(data.toString('latin1')).not.toContain('HEMMELIGT');
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).not.toMatch(/hemmelig|genvej|hostname|Planted/);
    const rebuilt: Manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(rebuilt.files.map((f) => f.path)).not.toContain('da/genvej.pdf');
  });

  it("a translated read-me name that is a path stops the build, naming the file, line and key", SLOW, async () => {
    const content = contentCopy();
    edit(content, 'locales/en/labels.json', /"file": "[^"]*"/, '"file": "../../x.txt"');
    const out = join(tempDir('fs'), 'out');
    const r = await build(['--content', content, '--lang', 'en', '--only', 'handout', '--out', out]);
    expectRefused(r, 1, /locales\/en\/labels\.json:\d+:\d+ publish\.readme\.file: "\.\.\/\.\.\/x\.txt" is not a file name/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('every byte a build reads is part of its fingerprint', () => {
  const logo = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 16"><rect width="40" height="16" fill="${colour}"/></svg>`;

  it("a new logo in the same file rebuilds the guide", SLOW, async () => {
    const dir = tempDir('fs');
    writeFileSync(join(dir, 'logo.svg'), logo('#aa0000'));
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'organisation: Eksempel Kommune\nlogo: logo.svg\n');
    const args = ['build', '--content', CONTENT, '--only', 'guide', '--out', 'out'];
    expect((await runCli(args, { cwd: dir, limitMs: BUILD_LIMIT })).code).toBe(0);
    const before = readFileSync(join(dir, 'out', 'da', 'facilitatorguide.pdf'));
    expect((await runCli(args, { cwd: dir, limitMs: BUILD_LIMIT })).out).toMatch(/Nothing changed/);
    writeFileSync(join(dir, 'logo.svg'), logo('#0000aa'));
    const r = await runCli(args, { cwd: dir, limitMs: BUILD_LIMIT });
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/Nothing changed/);
    expect(r.out).toMatch(/facilitatorguide\.pdf/);
    expect(readFileSync(join(dir, 'out', 'da', 'facilitatorguide.pdf')).equals(before)).toBe(false);
  });

  it('a --config file that does not exist is an error even when out/ is up to date', SLOW, async () => {
    const out = join(tempDir('fs'), 'out');
    expect((await build(['--only', 'handout', '--out', out])).code).toBe(0);
    expect((await build(['--only', 'handout', '--out', out])).code).toBe(0);
    expectRefused(await build(['--only', 'handout', '--out', out, '--config', join(out, '..', 'nope.yaml')]), 1, /nope\.yaml:1:1 File is missing\./);
  });
});
