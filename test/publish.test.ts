import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { main } from '../src/cli.js';
import { buildOptions } from '../src/commands/build-args.js';
import { SHAPING_OPTIONS } from '../src/commands/build.js';
import type { Manifest } from '../src/writers/manifest.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';
import { unzip } from './helpers/unzip.js';

const BIN = join(import.meta.dirname, '../bin/kernekit.js');

async function kernekit(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ARGS = ['build', '--only', 'cards', '--lang', 'da,en', '--quiet'];

describe('the published folder', () => {
  let out: string;
  beforeAll(async () => {
    out = join(tempDir('publish'), 'out');
    const r = await kernekit([...ARGS, '--out', out]);
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });

  it('lists every file in manifest.json with a sha256 that matches it', () => {
    const manifest: Manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.languages).toEqual(['da', 'en']);
    const onDisk = Object.keys(snapshot(out)).filter((p) => !['manifest.json', 'index.html', 'tilgaengelighed.html'].includes(p)).sort();
    // The web pages' fonts are listed apart from the documents (manifest.fonts), with their bytes and sha256 too.
    const listed = [...manifest.files, ...(manifest.fonts ?? [])];
    expect(listed.map((f) => f.path).sort()).toEqual(onDisk);
    for (const f of listed) {
      const data = readFileSync(join(out, f.path));
      expect(f.bytes, f.path).toBe(data.length);
      expect(f.sha256, f.path).toBe(snapshot(out)[f.path]);
    }
    const deck = manifest.files.find((f) => f.path === 'da/spoergsmaalskort.pdf')!;
    expect(deck).toMatchObject({ language: 'da', kind: 'pdf', document: 'cards', title: 'Spørgekort', pages: 14, preview: 'da/previews/spoergsmaalskort.png', html: 'da/spoergsmaalskort.html' });
  });

  it('has a zip per language with its PDFs and a read-me in that language', () => {
    for (const [lang, readme] of [
      ['da', 'LAES-MIG.txt'],
      ['en', 'README.txt'],
    ] as const) {
      const entries = unzip(readFileSync(join(out, lang, `kernekit-${lang}.zip`)));
      expect([...entries.keys()]).toEqual([readme, 'spoergsmaalskort.pdf']);
      expect(entries.get('spoergsmaalskort.pdf')!.equals(readFileSync(join(out, lang, 'spoergsmaalskort.pdf')))).toBe(true);
      expect(entries.get(readme)!.toString('utf8')).toContain(lang === 'da' ? 'Indhold:' : 'Contents:');
    }
  });

  it('gives identical manifests and zips when built again', async () => {
    const again = join(tempDir('publish'), 'out');
    await kernekit([...ARGS, '--out', again]);
    expect(readFileSync(join(again, 'manifest.json'), 'utf8')).toBe(readFileSync(join(out, 'manifest.json'), 'utf8'));
    for (const lang of ['da', 'en']) expect(readFileSync(join(again, lang, `kernekit-${lang}.zip`)).equals(readFileSync(join(out, lang, `kernekit-${lang}.zip`)))).toBe(true);
    expect(snapshot(again)).toEqual(snapshot(out));
  });

  it('links only to files in the folder, with lang on the page and on each section', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="da" dir="ltr">/);
    expect(html).toMatch(/<section id="lang-da" lang="da"/);
    expect(html).toMatch(/<section id="lang-en" lang="en"/);
    // data: URLs (the empty favicon) are no request; everything else must be a file of the folder.
    const refs = [...html.matchAll(/(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1]!).filter((r) => !r.startsWith('data:'));
    expect(refs.length).toBeGreaterThanOrEqual(6);
    for (const ref of refs) {
      expect(ref, 'no request leaves the folder').not.toMatch(/^[a-z]+:|^\/\//);
      expect(existsSync(join(out, ref)), ref).toBe(true);
    }
    expect(html).not.toMatch(/<script/i);
  });

  it('stops at once, writing nothing, when nothing changed since the last build', async () => {
    const before = snapshot(out);
    const r = await kernekit(['build', '--only', 'cards', '--lang', 'da,en', '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ upToDate: true, built: [] });
    expect(snapshot(out)).toEqual(before);
    const forced = await kernekit(['build', '--only', 'cards', '--lang', 'da,en', '--json', '--force', '--out', out]);
    expect(JSON.parse(forced.out).built).toHaveLength(2);
    expect(snapshot(out)).toEqual(before);
  });

  it('is not up to date when given another value of an option that shapes the PDFs, and counts every such option', async () => {
    const o = join(tempDir('publish'), 'out');
    await kernekit(['build', '--only', 'cards', '--quiet', '--out', o]);
    const part = JSON.parse((await kernekit(['build', '--only', 'cards', '--categories', 'misunderstandings', '--json', '--out', o])).out);
    expect(part.upToDate).toBe(false);
    expect(part.built.map((f: { path: string; pages: number }) => [f.path, f.pages])).toEqual([['da/spoergsmaalskort.pdf', 4]]);
    // Every build option is in the source key, but those that count by what they name or change nothing written.
    const options = Object.keys((buildOptions(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
    const unshaping = ['help', 'version', 'config', 'out'];
    expect(options.filter((k) => !unshaping.includes(k)).sort()).toEqual(SHAPING_OPTIONS.filter((k) => k !== 'strict' && k !== 'fail-on').sort());
  });

  it('keeps the documents of an earlier build that this build did not make', async () => {
    const dir = tempDir('publish');
    const o = join(dir, 'out');
    await kernekit(['build', '--only', 'cards', '--lang', 'da,en', '--quiet', '--out', o]);
    await kernekit(['build', '--only', 'cards', '--lang', 'en', '--quiet', '--out', o, '--card-size', 'a7']);
    const manifest: Manifest = JSON.parse(readFileSync(join(o, 'manifest.json'), 'utf8'));
    expect(manifest.files.filter((f) => f.kind === 'pdf').map((f) => f.path)).toEqual(['da/spoergsmaalskort.pdf', 'en/spoergsmaalskort.pdf']);
  });
});

describe('escaping on the index page', () => {
  it('prints markup from a translation as text', async () => {
    const dir = contentCopy();
    const labels = join(dir, 'locales/en/labels.json');
    const tree = existsSync(labels) ? JSON.parse(readFileSync(labels, 'utf8')) : {};
    tree.publish = { ...(tree.publish ?? {}), describe: { ...(tree.publish?.describe ?? {}), cards: '<script>alert(1)</script>' }, section: '"><img src=x onerror=alert(1)>' };
    writeFileSync(labels, JSON.stringify(tree));
    const out = join(tempDir('publish'), 'out');
    const r = await kernekit(['build', '--only', 'cards', '--lang', 'da,en', '--quiet', '--out', out, '--content', dir]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });
});

describe('atomic output', () => {
  it('leaves the previous output untouched when the content is broken', async () => {
    const out = join(tempDir('publish'), 'out');
    await kernekit([...ARGS, '--out', out]);
    const before = snapshot(out);
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'centre: dig-selv', 'centre: [');
    const r = await kernekit([...ARGS, '--out', out, '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/checklist\.yaml:\d+:\d+/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, '..')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('leaves the previous output untouched when the build is killed midway', async () => {
    const parent = tempDir('publish');
    const out = join(parent, 'out');
    await kernekit([...ARGS, '--out', out]);
    const before = snapshot(out);
    // The whole kit in two languages takes long enough that the kill lands while it writes.
    const child = spawn(process.execPath, [BIN, 'build', '--lang', 'da,en', '--out', out, '--card-size', 'a7'], { stdio: 'ignore' });
    // Kill it once it has started writing into its staging folder.
    const staging = join(parent, `.out.tmp-${child.pid}`);
    const deadline = Date.now() + 30_000;
    while (!existsSync(join(staging, 'da', 'spoergsmaalskort.pdf')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(staging), 'the build reached its staging folder').toBe(true);
    expect(child.exitCode, 'the build was still running').toBeNull();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(snapshot(out)).toEqual(before);
    // The next build clears what the killed one left behind.
    await kernekit([...ARGS, '--out', out]);
    expect(existsSync(staging)).toBe(false);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('the content folder itself', () => {
  it('is untouched by a build', () => {
    expect(existsSync(join(CONTENT, 'out'))).toBe(false);
  });
});

describe('--timings', () => {
  it('shows each step of the build and each PDF, adding up to the total', async () => {
    const r = await kernekit(['build', '--only', 'worksheets,handout', '--out', join(tempDir('publish'), 'out'), '--quiet', '--timings']);
    expect(r.code).toBe(0);
    const steps = [...r.out.matchAll(/^ +(\d+\.\d\d) s {2}(.+)$/gm)].map((m) => ({ seconds: Number(m[1]), step: m[2]! }));
    expect(steps.map((s) => s.step)).toEqual([
      'start-up: Node and the command line',
      'checking whether anything changed',
      "loading kernekit's modules",
      'reading and checking the content',
      'translating and planning',
      'composing and rendering 5 PDFs',
      'waiting for the last previews',
      'publishing: zips, manifest.json, index.html',
      'saving the engine cache',
      'total',
    ]);
    const total = steps.pop()!.seconds;
    // Each step is rounded to hundredths on its own.
    expect(Math.abs(steps.reduce((sum, s) => sum + s.seconds, 0) - total)).toBeLessThanOrEqual(0.05);
    // The worksheets' family is composed once, counted on its first sheet; each PDF shows its render time.
    const rows = [...r.out.matchAll(/^ {2}(da\/\S+\.pdf) +(?:(\d+\.\d\d) s)? +(\d+\.\d\d) s$/gm)].map((m) => ({ file: m[1], compose: m[2], render: m[3] }));
    expect(rows.map((row) => row.file)).toEqual(['da/gruppeark-hvem-definerer.pdf', 'da/gruppeark-faelles-ramme.pdf', 'da/gruppeark-borgerne.pdf', 'da/gruppeark-faggrupper.pdf', 'da/misforstaaelser.pdf']);
    expect(rows.map((row) => row.compose !== undefined)).toEqual([true, false, false, false, true]);
  });

  it('adds the steps to the JSON output', async () => {
    const r = await kernekit(['build', '--only', 'handout', '--out', join(tempDir('publish'), 'out'), '--json', '--timings']);
    const result = JSON.parse(r.out) as { timings: Array<{ step: string; ms: number }>; built: Array<{ composeMs: number; renderMs: number }> };
    expect(result.timings.map((t) => t.step)).toContain('composing and rendering 1 PDF');
    expect(result.timings.every((t) => t.ms >= 0)).toBe(true);
    expect(result.built[0]!.renderMs).toBeGreaterThan(0);
  });
});

describe('a build that fails', () => {
  it('exits with code 1 at once instead of hanging', async () => {
    const dir = contentCopy();
    const endless = Array.from({ length: 30 }, () => 'Hvordan forstår I kerneopgaven i jeres daglige arbejde?').join(' ');
    edit(dir, 'checklist.yaml', 'text: Hvordan forstår I kerneopgaven?', `text: ${endless}`);
    const out = join(tempDir('fail'), 'out');
    const child = spawn(process.execPath, [BIN, 'build', '--content', dir, '--only', 'cards', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(err).toContain('does not fit its box even at 9 pt');
    expect(code).toBe(1);
  }, 60_000);
});
