import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { OutputBusyError } from '../errors.js';

/** How often a waiting build looks whether the lock is free, and how long it waits at most. */
const POLL_MS = 100;
const WAIT_MS = 10 * 60_000;

export interface OutLock {
  release(): void;
}

/**
 * One build at a time per output folder. Two builds into one `--out` would each swap in
 * their own folder, and the first one's files would vanish while it reported them built.
 * The lock is a file beside the folder holding the builder's process id: a second build
 * waits for it (`onWait` is told once, with that process id), and a lock left by a process
 * that no longer runs (killed) is taken over. `timeoutMs` bounds the wait: a build never
 * waits for ever.
 */
export async function lockOutput(out: string, onWait: (holder: number) => void = () => {}, timeoutMs = WAIT_MS): Promise<OutLock> {
  const path = join(dirname(out), `.${basename(out)}.lock`);
  mkdirSync(dirname(out), { recursive: true });
  const token = `${process.pid} ${randomUUID()}`;
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, token);
      closeSync(fd);
      return {
        release() {
          if (holderOf(path) === token) rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = holderOf(path);
    const pid = Number(holder?.split(' ')[0]);
    if (holder !== undefined && !running(pid)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new OutputBusyError(out, pid, timeoutMs);
    if (!told) onWait(pid);
    told = true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The lock's contents, or undefined when there is no lock (or it is being written). */
function holderOf(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8') || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process runs; this process always does (another build of a watch session, or of a test). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
