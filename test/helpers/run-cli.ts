import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/kernekit.js');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** The process did not end by itself within the limit and was killed. */
  timedOut: boolean;
}

/**
 * Runs the real kernekit (its bundle) in its own process, killed after `limitMs`: a command that
 * should fail but hangs fails the test instead of stalling the suite.
 */
export function runCli(args: string[], options: { cwd?: string; limitMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.limitMs ?? 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}
