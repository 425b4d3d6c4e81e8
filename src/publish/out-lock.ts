import { closeSync, lstatSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { readRegularFile } from '../regular-file.js';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { OutputBusyError } from '../errors.js';

/** How often a waiting build looks whether the lock is free, and how long it waits at most. */
const POLL_MS = 100;
const WAIT_MS = 10 * 60_000;
/** A lock that names no process is stale once it is this old: younger, it may be one being written. */
const UNNAMED_STALE_MS = 1000;

export interface OutLock {
  release(): void;
}

/**
 * One build at a time per output folder. Two builds into one `--out` would each swap in
 * their own folder, and the first one's files would vanish while it reported them built.
 * The lock is a file beside the folder holding the builder's process id: a second build
 * waits for it (`onWait` is told once, with that process id). A lock that names no running
 * process is stale and taken over: one left by a build that was killed, or one that names
 * none at all (empty after a full disk, garbled, not a file) once it is older than a
 * moment. `timeoutMs` bounds the wait: a build never waits for ever.
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
      try {
        writeSync(fd, token);
      } catch (err) {
        // A full disk: no lock is left behind that names no one.
        rmSync(path, { force: true });
        throw err;
      } finally {
        closeSync(fd);
      }
      return {
        release() {
          if (holderOf(path) === token) rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = holderOf(path);
    const pid = holder === undefined ? undefined : namedProcess(holder);
    if (holder !== undefined && (pid === undefined ? ageMs(path) > UNNAMED_STALE_MS : !running(pid))) {
      rmSync(path, { force: true });
      continue;
    }
    if (pid !== undefined) {
      if (Date.now() > deadline) throw new OutputBusyError(out, pid, timeoutMs);
      if (!told) onWait(pid);
      told = true;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The lock's contents, '' for a lock that is not a small file of its own, or undefined when there is no lock. */
function holderOf(path: string): string | undefined {
  try {
    const read = readRegularFile(path, 1000, true);
    return read.ok ? read.bytes.toString('utf8') : '';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : '';
  }
}

/** The process id a lock's contents name (`<pid> <token>`, as lockOutput writes them), if they name one. */
function namedProcess(holder: string): number | undefined {
  const m = /^([1-9]\d{0,9}) \S+$/.exec(holder);
  return m ? Number(m[1]) : undefined;
}

function ageMs(path: string): number {
  return Date.now() - (lstatSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
}

/** Whether the process runs; this process always does (another build of a watch session, or of a test). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
