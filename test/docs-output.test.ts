import { spawn } from 'node:child_process';
import { chmodSync, closeSync, cpSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';
import { until } from './helpers/until.js';
import { docFiles, quotedOutputs, type QuotedOutput } from './helpers/quoted-outputs.js';

// Every command output the docs quote is printed again here by the command it follows, in a
// folder prepared as the text around it says, and must read the same: the docs cannot drift
// from what kernekit prints. Only what differs from run to run is normalised: times, sizes,
// clock times and the temporary folder's path.

const ROOT = join(import.meta.dirname, '..');
/** Where the docs say kernekit is installed when they show its own folder (the package's default kit). */
const SHOWN_PACKAGE = '/home/anna/projekt/node_modules/kernekit';
const LIMIT_MS = 120_000;

interface Setup {
  prepare(dir: string): void;
  /** The kernekit that `npx kernekit` runs there: this checkout's, unless the folder is a clone of its own. */
  bin?(dir: string): string;
  /** How the docs write the folder the commands run in. */
  shownAs: string;
  env?(dir: string): NodeJS.ProcessEnv;
}

// Timestamps kept: the engine cache's key names the fonts' and the code's files by size and time.
const copyKit = (dir: string, parts: string[]) => {
  for (const part of parts) cpSync(join(ROOT, part), join(dir, part), { recursive: true, preserveTimestamps: true });
};
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the docs' setup found no ${from} in ${file}: change the setup with the kit`);
  writeFileSync(file, edited);
};
/**
 * A clone of the repository after `npm ci`, as far as kernekit reads it, changed by `change`:
 * its own kernekit, whose content is the clone's content/ (kernekit's default kit).
 */
const clone = (change: (dir: string) => void = () => {}): Setup => ({
  shownAs: '/home/anna/kernekit',
  prepare: (dir) => {
    copyKit(dir, ['package.json', 'bin', 'bundle', 'fonts', 'content', 'layouts']);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    change(dir);
  },
  bin: (dir) => join(dir, 'bin/kernekit.js'),
});

/** The folders the docs' markers name (`<!-- output in NAME -->`). */
const SETUPS: Record<string, Setup> = {
  clone: clone(),
  'clone with a misspelt field and an empty text': clone((dir) => {
    edit(join(dir, 'content/exercises/1-hvem-definerer.yaml'), /^followUp:/m, 'folowUp:');
    edit(join(dir, 'content/checklist.yaml'), 'text: Hvad kan I lære af de krav og ønsker, I møder i hverdagen fra borgere/kunder?', 'text: ""');
  }),
  'clone with a misspelt centre': clone((dir) => edit(join(dir, 'content/checklist.yaml'), /^centre: dig-selv$/m, 'centre: dig-self')),
  'clone with two colours alike': clone((dir) => edit(join(dir, 'content/kit.yaml'), /borgere-kunder: "#[0-9A-F]{6}"/, 'borgere-kunder: "#A14A12"')),
  'clone with a renamed placeholder': clone((dir) => edit(join(dir, 'content/locales/en/labels.json'), '"page_other": "Page {{page}} of {{count}}"', '"page_other": "Page {{sida}} of {{count}}"')),
  'clone missing one English text': clone((dir) => edit(join(dir, 'content/locales/en/content.json'), /^\s*"tr-bygge-bro": .*\n/m, '')),
  'clone with a config of three mistakes': clone((dir) => writeFileSync(join(dir, 'kernekit.config.yaml'), 'organisaton: Eksempel Kommune\naccent: blå\nlogo: logoer/mangler.png\n')),
  // What `init --copy content` makes: the kit's own content, kernekit's layouts.
  kit: { shownAs: '/home/anna/mit-kit', prepare: (dir) => copyKit(dir, ['content']) },
  empty: { shownAs: '/home/anna', prepare: () => {} },
  // A project with kernekit installed and no content of its own: the package's default kit.
  project: { shownAs: '/home/anna/projekt/kit', prepare: () => {} },
  // A kit in the home folder, which also holds a folder of the user's own files.
  home: {
    shownAs: '/home/anna',
    prepare: (dir) => {
      copyKit(dir, ['content']);
      mkdirSync(join(dir, 'Dokumenter'));
      writeFileSync(join(dir, 'Dokumenter/brev.txt'), 'Kære alle\n');
    },
    env: (dir) => ({ HOME: dir }),
  },
};

/** What the docs' `then …` markers make happen while a command (watch) runs. */
const EVENTS: Record<string, (dir: string) => void> = {
  'a checklist question is saved': (dir) => edit(join(dir, 'content/checklist.yaml'), /^(\s+text: .*[^"])$/m, '$1 (ændret)'),
};

/** `npx kernekit` as the docs write it, running this checkout's kernekit. */
function npxOnPath(): string {
  const bin = tempDir('docs-bin');
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = kernekit ] && shift\nexec "${process.execPath}" "$DOCS_KERNEKIT_BIN" "$@"\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  return bin;
}

/** Runs one command line in a shell, as a terminal shows its output (standard output and error in the order written); `event` happens once it watches. */
async function run(command: string, dir: string, env: NodeJS.ProcessEnv, event?: (dir: string) => void): Promise<string> {
  const log = join(tempDir('docs-log'), 'output');
  const fd = openSync(log, 'w');
  const child = spawn('/bin/sh', ['-c', command.includes('|') ? command : `exec ${command}`], { cwd: dir, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const output = () => readFileSync(log, 'utf8');
  const limit = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
  const ended = new Promise<number | null>((resolve) => child.on('close', (code, signal) => resolve(signal === 'SIGKILL' ? null : code)));
  if (event) {
    await until(() => /Press Ctrl-C/.test(output()), `${command} to watch`, LIMIT_MS);
    event(dir);
    await until(() => (output().match(/^Rebuilt /gm) ?? []).length >= 2, `${command} to rebuild`, LIMIT_MS);
    child.kill('SIGINT');
  }
  const code = await ended;
  clearTimeout(limit);
  if (code === null) throw new Error(`${command} ran past ${LIMIT_MS} ms`);
  return output();
}

/** Text with what differs from run to run written one way. */
function normalise(text: string, dir: string, shownAs: string): string[] {
  return text
    .replaceAll(dir, shownAs)
    .replaceAll(ROOT.replace(/\/$/, ''), SHOWN_PACKAGE)
    .replace(/ *\b\d+\.\d+ s\b/g, ' # s')
    .replace(/\b\d+(\.\d+)? (B|kB|MB)\b/g, '# kB')
    .replace(/\b\d\d:\d\d:\d\d\b/g, 'hh:mm:ss')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd()
    .split('\n');
}

const asJson = (lines: string[]): unknown => {
  try {
    return JSON.parse(lines.join('\n'));
  } catch {
    return undefined;
  }
};

const blocks = docFiles(ROOT).map((file) => quotedOutputs(file, relative(ROOT, file)));

describe("the outputs the docs quote are what the commands print", () => {
  it('every block that shows a kernekit command is marked, and names a prepared folder', () => {
    expect(blocks.flatMap((b) => b.unmarked)).toEqual([]);
    const quoted = blocks.flatMap((b) => b.quoted);
    expect(quoted.length).toBeGreaterThan(10);
    expect(quoted.filter((q) => !(q.setup in SETUPS) || (q.event !== undefined && !(q.event in EVENTS))).map((q) => `${q.where}: ${q.setup}, ${q.event}`)).toEqual([]);
  });

  const npx = npxOnPath();
  for (const quoted of blocks.flatMap((b) => b.quoted).filter((q) => q.setup in SETUPS)) {
    it(`${quoted.where}: ${quoted.runs.map((r) => r.command).join('; ')}`, { timeout: LIMIT_MS * 2 }, async () => {
      await check(quoted, npx);
    });
  }
});

async function check(quoted: QuotedOutput, npx: string): Promise<void> {
  const setup = SETUPS[quoted.setup];
  const dir = tempDir('docs');
  setup.prepare(dir);
  const { FORCE_COLOR: _, NO_COLOR: __, ...inherited } = process.env;
  const env = { ...inherited, PATH: `${npx}:${process.env.PATH}`, DOCS_KERNEKIT_BIN: setup.bin?.(dir) ?? BIN, ...setup.env?.(dir) };
  for (const { command, output } of quoted.runs) {
    const actual = normalise(await run(command, dir, env, quoted.event ? EVENTS[quoted.event] : undefined), dir, setup.shownAs);
    const expected = normalise(output.join('\n'), dir, setup.shownAs);
    const json = asJson(expected);
    if (json !== undefined) expect(asJson(actual), `${quoted.where}: ${command}`).toEqual(json);
    else if (quoted.excerpt) expect(`\n${actual.join('\n')}\n`, `${quoted.where}: ${command}`).toContain(`\n${expected.join('\n')}\n`);
    else expect(actual.join('\n'), `${quoted.where}: ${command}`).toBe(expected.join('\n'));
  }
}
