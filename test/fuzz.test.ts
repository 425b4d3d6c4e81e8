import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT } from './helpers/content.js';
import { runInProcess, runKernekit, STACK_TRACE } from './helpers/cli.js';
import { snapshot, tempDir } from './helpers/files.js';
import { ACCESSIBILITY_FILE } from '../src/writers/accessibility-page.js';

/**
 * Malformed input, generated: mutated content YAML, translation JSON, config files and
 * command lines, fed to validate, list and build. Whatever the input, kernekit must end
 * within a time limit, with 0, 1 or 2, without a stack trace, and leave out/ either as it
 * was or complete and matching its manifest. The generator is seeded, so a failure
 * reproduces: every case is named by its number and what was done to the input.
 */

/** mulberry32: a small seeded generator, so the cases are the same on every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(20261130);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (n: number) => Math.floor(random() * n);

/** What a careless or hostile edit puts into a file. */
const TOKENS = [
  ':', '- ', '  ', '\t', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '*b', '!!binary ', '!!js/function ', '%YAML 1.1\n', '---\n', '...\n',
  '\u0000', '\uFFFD', '☃', '😀', 'ø', '\u202E', '0x0', '0o17', '2015-02-30', '2015-13-01', '~', 'null', '42', '-1', '1e999', '\\', '{{', '}}', '<', '\r', '\n',
  '#', '? ', '|', '>', '"\\u0000"', 'constructor', '__proto__', 'x'.repeat(2500),
];

type Mutation = { name: string; apply(text: Buffer): Buffer };

const lines = (b: Buffer) => b.toString('utf8').split('\n');
const joined = (ls: string[]) => Buffer.from(ls.join('\n'), 'utf8');

const MUTATIONS: Array<() => Mutation> = [
  () => {
    const at = random();
    return { name: 'delete a line', apply: (b) => { const ls = lines(b); ls.splice(Math.floor(at * ls.length), 1); return joined(ls); } };
  },
  () => {
    const at = random();
    return { name: 'repeat a line', apply: (b) => { const ls = lines(b); const i = Math.floor(at * ls.length); ls.splice(i, 0, ls[i]!); return joined(ls); } };
  },
  () => {
    const [x, y] = [random(), random()];
    return { name: 'swap two lines', apply: (b) => { const ls = lines(b); const i = Math.floor(x * ls.length); const j = Math.floor(y * ls.length); [ls[i], ls[j]] = [ls[j]!, ls[i]!]; return joined(ls); } };
  },
  () => {
    const at = random();
    return { name: 'cut short', apply: (b) => b.subarray(0, Math.floor(at * b.length)) };
  },
  () => {
    const [at, token] = [random(), pick(TOKENS)];
    return { name: `insert ${JSON.stringify(token.slice(0, 12))}`, apply: (b) => { const s = b.toString('utf8'); const i = Math.floor(at * s.length); return Buffer.from(s.slice(0, i) + token + s.slice(i), 'utf8'); } };
  },
  () => {
    const [at, token] = [random(), pick(TOKENS)];
    return {
      name: `replace a value with ${JSON.stringify(token.slice(0, 12))}`,
      apply: (b) => {
        const ls = lines(b);
        const candidates = ls.map((l, i) => (/: \S/.test(l) ? i : -1)).filter((i) => i >= 0);
        if (candidates.length === 0) return b;
        const i = candidates[Math.floor(at * candidates.length)]!;
        ls[i] = ls[i]!.replace(/: .*$/, `: ${token}`);
        return joined(ls);
      },
    };
  },
  () => {
    const [at, byte] = [random(), pick([0xe6, 0xf8, 0xff, 0xc3, 0x80])];
    return { name: `insert the byte 0x${byte.toString(16)}`, apply: (b) => { const i = Math.floor(at * b.length); return Buffer.concat([b.subarray(0, i), Buffer.from([byte]), b.subarray(i)]); } };
  },
  () => {
    const at = random();
    return { name: 'indent a line', apply: (b) => { const ls = lines(b); const i = Math.floor(at * ls.length); ls[i] = `   ${ls[i]}`; return joined(ls); } };
  },
];

function mutation(): Mutation {
  const steps = Array.from({ length: 1 + int(3) }, () => pick(MUTATIONS)());
  return { name: steps.map((s) => s.name).join(', then '), apply: (b) => steps.reduce((t, s) => s.apply(t), b) };
}

interface Case {
  name: string;
  /** Writes the case's input files into a fresh folder and returns the command line to run there. */
  prepare(dir: string): string[];
}

const YAML_FILES = ['kit.yaml', 'checklist.yaml', 'misunderstandings.yaml', ...readdirSync(join(CONTENT, 'exercises')).sort().map((f) => `exercises/${f}`)];
const JSON_FILES = ['locales/en/content.json', 'locales/en/labels.json', 'source-da/labels.json'];

/** A copy of the content with one file mutated. */
function contentCase(files: string[], command: string[]): Case {
  const file = pick(files);
  const m = mutation();
  return {
    name: `${command[0]} with ${file}: ${m.name}`,
    prepare(dir) {
      const content = join(dir, 'content');
      cpSync(CONTENT, content, { recursive: true });
      writeFileSync(join(content, file), m.apply(readFileSync(join(content, file))));
      return [...command, '--content', content];
    },
  };
}

const CONFIG = 'organisation: Eksempel Kommune\nlogo: logo.svg\naccent: "#2F6F8F"\npaper: a4\ncardSize: poker\nlanguages: [da, en]\n';
const LOGOS = [
  '<svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg>',
  '<svg viewBox="0 0 10 10"><g><rect/></svg>',
  '<svg><rect/></svg>',
  '<svg viewBox="a b c"><rect/></svg>',
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg viewBox="0 0 1 1">&a;</svg>',
  '<svg viewBox="0 0 9 9"><a href="javascript:alert(1)"><rect/></a></svg>',
  'not an svg',
  '',
];

/** A mutated config file, with a logo that may be broken too. */
function configCase(): Case {
  const m = mutation();
  const logo = pick(LOGOS);
  return {
    name: `list with a config: ${m.name}; logo ${JSON.stringify(logo.slice(0, 30))}`,
    prepare(dir) {
      writeFileSync(join(dir, 'logo.svg'), logo);
      writeFileSync(join(dir, 'kernekit.config.yaml'), m.apply(Buffer.from(CONFIG)));
      return ['list', '--config', join(dir, 'kernekit.config.yaml'), '--content', CONTENT];
    },
  };
}

const OPTION_VALUES: Record<string, string[]> = {
  '--lang': ['da', 'en', 'da,en', 'qps', 'EN', 'pt_BR', 'sv', '../x', '', ',', 'da,,en', 'x'.repeat(40)],
  '--only': ['cards', 'handout', 'cards,handout', 'nope', '', ',', 'cards,cards'],
  '--card-size': ['poker', 'a7', 'a6', '70x100', '0x0', '-5x10', '1000x1000', 'x', '70x', '1e3x1e3', 'NaNxNaN'],
  '--paper': ['a4', 'letter', 'a3', ''],
  '--duplex': ['long', 'short', 'none', 'sideways'],
  '--bleed': ['0', '3', '10', '11', '-1', 'abc', '1e9'],
  '--imposition': ['sheet', 'single', 'both'],
  '--participants': ['24', '1', '501', '2.5', 'tyve', '-3'],
  '--groups': ['4', '0', '30', 'x'],
  '--start': ['13:00', '13.00', '24:00', '9', 'noon'],
  '--out': ['out', ''],
  '--config': ['missing.yaml', '.'],
  '--nonsense': ['1'],
};

/** A command line for `list` (which parses every build option) with 1–4 options, some repeated or bad. */
function optionsCase(): Case {
  const args: string[] = [];
  for (let n = 1 + int(4); n > 0; n--) {
    const option = pick(Object.keys(OPTION_VALUES));
    const value = pick(OPTION_VALUES[option]!);
    args.push(...(random() < 0.2 ? [`${option}=${value}`] : [option, value]));
  }
  return { name: `list ${args.join(' ')}`, prepare: () => ['list', ...args, '--content', CONTENT] };
}

/** Every file the manifest lists (documents and the web pages' fonts) is there with its checksum, and every other file is one of the folder's own pages: manifest, index, accessibility statement. */
function matchesManifest(out: string): string[] {
  type Listed = Array<{ path: string; sha256: string }>;
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Listed; fonts?: Listed };
  const entries = [...manifest.files, ...(manifest.fonts ?? [])];
  const files = snapshot(out);
  const wrong = entries.filter((f) => files[f.path] !== f.sha256).map((f) => `${f.path} differs from the manifest`);
  const listed = new Set([...entries.map((f) => f.path), 'manifest.json', 'index.html', ACCESSIBILITY_FILE]);
  return [...wrong, ...Object.keys(files).filter((f) => !listed.has(f)).map((f) => `${f} is not in the manifest`)];
}

const CASES: Case[] = [
  ...Array.from({ length: 70 }, () => contentCase(YAML_FILES, ['validate'])),
  ...Array.from({ length: 30 }, () => contentCase(JSON_FILES, ['validate'])),
  ...Array.from({ length: 40 }, () => configCase()),
  ...Array.from({ length: 50 }, () => optionsCase()),
];

/** A sample through real build processes, each into a copy of a complete out/. */
const BUILDS: Case[] = [
  ...Array.from({ length: 4 }, () => contentCase(YAML_FILES, ['build', '--only', 'handout'])),
  ...Array.from({ length: 3 }, () => contentCase(JSON_FILES, ['build', '--only', 'handout', '--lang', 'en'])),
  ...Array.from({ length: 3 }, () => {
    const c = configCase();
    return { name: c.name.replace(/^list/, 'build'), prepare: (dir: string) => ['build', '--only', 'handout', ...c.prepare(dir).slice(1)] };
  }),
  ...Array.from({ length: 2 }, () => {
    const c = optionsCase();
    return { name: c.name.replace(/^list/, 'build'), prepare: (dir: string) => ['build', ...c.prepare(dir).slice(1).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out' && !a.startsWith('--out='))] };
  }),
];

describe(`${CASES.length + BUILDS.length} generated malformed inputs`, () => {
  it(`${CASES.length} through validate and list, in this process: each ends in time with 0, 1 or 2 and no stack trace`, async () => {
    const codes = new Map<number, number>();
    for (const [i, c] of CASES.entries()) {
      const dir = tempDir('fuzz');
      const r = await runInProcess(c.prepare(dir), 30_000);
      const what = `case ${i}: ${c.name}\n${r.err}`;
      expect([0, 1, 2], what).toContain(r.code);
      expect(r.err, what).not.toMatch(STACK_TRACE);
      codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
    }
    // The generator reaches every outcome, or it tests less than it claims.
    expect([...codes.keys()].sort()).toEqual([0, 1, 2]);
  }, 600_000);

  let baseline: string;
  beforeAll(async () => {
    baseline = join(tempDir('fuzz'), 'out');
    expect((await runKernekit(['build', '--only', 'handout', '--lang', 'da,en', '--out', baseline], { limitMs: 60_000 })).code).toBe(0);
  }, 90_000);

  it(`${BUILDS.length} through real build processes: each ends in time, and out/ is as it was or complete`, async () => {
    for (const [i, c] of BUILDS.entries()) {
      const dir = tempDir('fuzz');
      const out = join(dir, 'out');
      cpSync(baseline, out, { recursive: true });
      const before = snapshot(out);
      const r = await runKernekit([...c.prepare(dir), '--out', out], { cwd: dir, limitMs: 60_000 });
      const what = `build case ${i}: ${c.name}\n${r.err}`;
      expect([0, 1, 2], what).toContain(r.code);
      expect(r.err, what).not.toMatch(STACK_TRACE);
      const after = snapshot(out);
      if (JSON.stringify(after) !== JSON.stringify(before)) expect(matchesManifest(out), what).toEqual([]);
      expect(readdirSync(dir).filter((n) => n.includes('.tmp-') || n.includes('.old-') || n.endsWith('.lock')), what).toEqual([]);
    }
  }, 900_000);
});

