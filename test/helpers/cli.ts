import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli.js';

export const BIN = join(import.meta.dirname, '../../bin/kernekit.js');

export interface CliRun {
  /** The exit code; null when the process had to be killed because it ran past its time limit. */
  code: number | null;
  out: string;
  err: string;
}

export interface CliProcess {
  /** Settles when the process has ended, or was killed at its time limit. */
  done: Promise<CliRun>;
  /** What it has printed so far. */
  output(): { out: string; err: string };
  signal(name: NodeJS.Signals): void;
}

/**
 * Starts the real `kernekit` (dist/), as a user would run it, and kills it after `limitMs`:
 * a command that hangs fails its test with code null instead of stalling the suite.
 */
export function startKernekit(args: string[], options: { cwd?: string; limitMs?: number; env?: NodeJS.ProcessEnv } = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const limit = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 45_000);
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code, out, err });
    }),
  );
  return { done, output: () => ({ out, err }), signal: (name) => child.kill(name) };
}

/** Runs `kernekit` to its end, under a time limit (see startKernekit). */
export function runKernekit(args: string[], options: { cwd?: string; limitMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return startKernekit(args, options).done;
}

/** What a stack trace looks like in a process's output: kernekit must never print one for a user's mistake. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$|internal error/m;

/** Runs a command line in this process, failing if it takes longer than `ms`: a hang is a failure, not a stuck run. */
export async function runInProcess(args: string[], ms = 45_000): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`kernekit ${args.join(' ')} ran past ${ms} ms`)), ms)));
  try {
    const code = await Promise.race([main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }), limit]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    clearTimeout(timer);
  }
}

export type CliResult = { code: number; out: string; err: string };

/** Runs one command line in this process, under runInProcess's time limit, and captures what the user would see. */
export const cli = (args: string[]): Promise<CliResult> => runInProcess(args);

/** Runs the real CLI (dist/) in a fresh process; a run past `timeoutMs` fails the test instead of stalling it. */
export async function spawnKernekit(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  const limitMs = options.timeoutMs ?? 60_000;
  const run = await runKernekit(args, { cwd: options.cwd, env: options.env, limitMs });
  if (run.code === null) throw new Error(`kernekit ${args.join(' ')} did not finish within ${limitMs} ms`);
  return { code: run.code, out: run.out, err: run.err };
}
