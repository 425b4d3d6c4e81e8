import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { readPdf, type PdfFile } from './helpers/pdf.js';

// The package as a user gets it: packed, installed from the tarball into an empty project,
// run from folders that hold nothing of kernekit's.

const REPO = join(import.meta.dirname, '..');
const work = tempDir('package');
const project = join(work, 'project');

/**
 * The environment of a user's shell: under `npm test`, npm passes its own settings down as
 * npm_* variables (among them the repository as the project folder), which must not steer
 * the npm and kernekit run here.
 */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));

/** Runs a command under a time limit: a hang fails the test instead of stalling CI. */
function run(command: string, args: string[], cwd: string, seconds: number): { stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: seconds * 1000, killSignal: 'SIGKILL', env: { ...userEnv, NO_COLOR: '1' } });
  if (r.error) throw new Error(`${command} ${args.join(' ')} failed to finish within ${seconds} s: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** The installed command, as npx runs it from inside the project. */
const kernekit = (args: string[], cwd: string) => run(join(project, 'node_modules/.bin/kernekit'), args, cwd, 240);

const pdf = async (path: string): Promise<PdfFile> => readPdf(readFileSync(path));

let packed: string[];
let packOutput: string;
let installOutput: string;
let copy: string;
let manifestBefore: string;

/**
 * The repository as a clone has it (its sources, and the development dependencies of its
 * `npm ci`), in a folder of its own: packing compiles there, while other test files run the
 * CLI from this checkout's bundle/.
 */
function cloneForPacking(): string {
  const dir = join(work, 'clone');
  const made = new Set(['.git', 'node_modules', 'dist', 'bundle', 'out', 'test', 'bench']);
  cpSync(REPO, dir, { recursive: true, filter: (src) => !made.has(relative(REPO, src).split(sep)[0]!) && !src.endsWith('.tgz') });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

beforeAll(() => {
  copy = cloneForPacking();
  manifestBefore = readFileSync(join(copy, 'package.json'), 'utf8');
  packOutput = run('npm', ['pack', '--pack-destination', work], copy, 300).stdout;
  const { version } = JSON.parse(manifestBefore) as { version: string };
  const tarball = join(work, `kernekit-${version}.tgz`);
  packed = run('tar', ['-tzf', tarball], work, 60).stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', private: true }));
  // --prefer-offline: the dependencies are the ones `npm ci` has just put in npm's cache.
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project, 300);
  installOutput = installed.stdout + installed.stderr;
}, 720_000);

describe('packing', () => {
  it('compiles once: prepack makes the bundle, and the prepare it would run after is not in the manifest npm packs', () => {
    const compiles = packOutput.split('\n').filter((line) => /^> .*tsc -p tsconfig\.json/.test(line));
    expect(compiles, packOutput).toHaveLength(1);
    expect(existsSync(join(copy, 'bundle/render.cjs'))).toBe(true);
  });

  it('leaves package.json as it was, scripts and all', () => {
    expect(readFileSync(join(copy, 'package.json'), 'utf8')).toBe(manifestBefore);
    expect(readdirSync(copy).filter((f) => f.startsWith('.package.json'))).toEqual([]);
  });

  it('gives a package with no scripts, which installs without npm naming an install-time script', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules/kernekit/package.json'), 'utf8')) as { scripts?: unknown };
    expect(installed.scripts).toBeUndefined();
    expect(installOutput).not.toMatch(/install.scripts|prepare/i);
  });
});

describe('the packed package', () => {
  it('holds what a user needs and none of the development files', () => {
    for (const f of ['bin/kernekit.js', 'bundle/cli.cjs', 'bundle/tools.cjs', 'bundle/render.cjs', 'layouts/card-front.hbs', 'fonts/SourceSans3-Regular.ttf', 'fonts/LICENSE.md', 'content/kit.yaml', 'content/locales/en/content.json', 'schemas/build.schema.json', 'schemas/manifest.schema.json', 'README.md', 'docs/README.md', 'docs/reference.md', 'LICENSE']) {
      expect(packed, f).toContain(f);
    }
    for (const f of packed) expect(f).not.toMatch(/^(test|bench|src|dist|scripts|sources|\.ci|docs\/notes)\//);
  });

  it('builds the default Danish kit into ./out in an empty folder, and says which content it used', async () => {
    const empty = join(project, 'empty');
    mkdirSync(empty);
    const { stdout } = kernekit(['build'], empty);
    expect(stdout).toMatch(/^Content: kernekit's default Danish kit \(.*node_modules\/kernekit\/content\)/);
    expect(readdirSync(empty)).toEqual(['out']);
    const manifest = JSON.parse(readFileSync(join(empty, 'out/manifest.json'), 'utf8')) as { files: Array<{ path: string; kind: string }> };
    expect(manifest.files.filter((f) => f.kind === 'pdf')).toHaveLength(9);
    const deck = await pdf(join(empty, 'out/da/spoergsmaalskort.pdf'));
    expect(deck.pages).toHaveLength(14);
    expect(deck.fontsEmbedded).toBe(true);
    expect(deck.pages.map((p) => p.text).join(' ')).toContain('Hvad opfatter I som vores kerneopgave?');
  }, 300_000);

  it('init --copy content,layouts makes a kit folder whose own content, layouts and config the build uses', async () => {
    const home = join(project, 'home');
    mkdirSync(home);
    const { stdout } = kernekit(['init', 'mit-kit', '--copy', 'content,layouts'], home);
    expect(stdout).toContain('Next:\n  cd mit-kit\n  npx kernekit validate\n  npx kernekit build');
    const kit = join(home, 'mit-kit');
    edit(kit, 'kernekit.config.yaml', '# organisation: Eksempel Kommune', 'organisation: Testby Kommune');
    edit(kit, 'content/misunderstandings.yaml', 'claim: Kerneopgaven er meget abstrakt.', 'claim: Kerneopgaven er helt konkret i Testby.');
    edit(kit, 'layouts/handout.hbs', "fontSize: 24, bold: true, color: '#1A1A1A'", "fontSize: 20, bold: true, color: '#1A1A1A'");

    const built = kernekit(['build', '--only', 'handout'], kit).stdout;
    expect(built).toMatch(/^Content: content\//);
    const handout = await pdf(join(kit, 'out/da/misforstaaelser.pdf'));
    expect(handout.pages[0]!.text).toContain('Kerneopgaven er helt konkret i Testby.');
    expect(handout.pages[0]!.text).toContain('Testby Kommune');
    // The kit's own layout: the title set at 24 pt in kernekit's is at 20 pt in this kit's.
    const sizes = handout.pages[0]!.texts.map((t) => t.fontSize);
    expect(sizes).toContain(20);
    expect(sizes).not.toContain(24);
  }, 300_000);

  it('init refuses to write into a folder that already has a kit, and changes nothing there', () => {
    const kit = join(project, 'home/mit-kit');
    const before = readFileSync(join(kit, 'kernekit.config.yaml'), 'utf8');
    const r = spawnSync(join(project, 'node_modules/.bin/kernekit'), ['init', 'mit-kit', '--copy', 'content'], { cwd: join(project, 'home'), encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env: userEnv });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mit-kit/kernekit.config.yaml and mit-kit/content already exist, and init never overwrites anything.');
    expect(readFileSync(join(kit, 'kernekit.config.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(kit, 'layouts/handout.hbs'))).toBe(true);
  });

  // Runs last: it takes the canvas binary away from the installed project.
  it('without the canvas binary (npm install --omit=optional) builds the PDFs and an index page without thumbnails, with a warning that the next build repeats', async () => {
    const scope = join(project, 'node_modules/@napi-rs');
    const binaries = readdirSync(scope).filter((name) => name.startsWith('canvas-'));
    expect(binaries.length).toBeGreaterThan(0);
    for (const name of binaries) rmSync(join(scope, name), { recursive: true });
    const folder = join(project, 'no-canvas');
    mkdirSync(folder);

    // An empty cache folder: thumbnails drawn by the builds above would be reused, canvas or not.
    const env = { ...userEnv, KERNEKIT_CACHE_DIR: join(work, 'no-canvas-cache') };
    const r = spawnSync(join(project, 'node_modules/.bin/kernekit'), ['build', '--only', 'handout'], { cwd: folder, encoding: 'utf8', timeout: 240_000, killSignal: 'SIGKILL', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: no thumbnails for index\.html: the canvas library @napi-rs\/canvas could not load \(.+\)\. The PDFs are complete\./m);
    expect((await pdf(join(folder, 'out/da/misforstaaelser.pdf'))).pages[0]!.text).toContain('Kerneopgaven er meget abstrakt.');
    const manifest = JSON.parse(readFileSync(join(folder, 'out/manifest.json'), 'utf8')) as { files: Array<{ kind: string; preview?: string }> };
    expect(manifest.files.map((f) => f.kind)).toEqual(['pdf', 'html', 'zip', 'planner', 'planner', 'planner', 'planner']);
    expect(manifest.files[0]!.preview).toBeUndefined();
    const index = readFileSync(join(folder, 'out/index.html'), 'utf8');
    expect(index).toContain('misforstaaelser.pdf');
    expect(index).not.toContain('<img');
    // Said again by the next build, which finds nothing changed: the page still has no thumbnails.
    const again = spawnSync(join(project, 'node_modules/.bin/kernekit'), ['build', '--only', 'handout'], { cwd: folder, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env });
    expect(again.stdout).toContain('Nothing changed since the last build');
    expect(again.stderr.split('\n').filter((l) => l.startsWith('warning: no thumbnails'))).toEqual(r.stderr.split('\n').filter((l) => l.startsWith('warning: no thumbnails')));
  }, 300_000);
});
