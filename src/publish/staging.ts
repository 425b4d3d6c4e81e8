import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { UsageError } from '../content/problems.js';
import { writeInside } from '../write-inside.js';

/**
 * A build writes into a folder beside `<out>` and swaps it in at the end. Until the swap,
 * `<out>` is the previous build, complete: a failed, interrupted or killed build never
 * leaves a half-written file there. The staging folder starts as a copy of `<out>`, so a
 * build of some documents or languages keeps the others.
 */
export class Staging {
  private constructor(
    readonly out: string,
    readonly dir: string,
  ) {}

  static open(out: string): Staging {
    const parent = dirname(out);
    mkdirSync(parent, { recursive: true });
    Staging.recover(out);
    const dir = join(parent, `.${basename(out)}.tmp-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    try {
      // Files the previous build left keep their dates, and links stay as written (a file the build writes replaces its link, see put).
      if (existsSync(out)) cpSync(out, dir, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, filter: (from) => carried(out, from) });
      else mkdirSync(dir);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    return new Staging(out, dir);
  }

  /** Run by every build, also one that finds nothing to do. */
  static recover(out: string): void {
    recover(out);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** Writes a file of the new folder (`path` with forward slashes); a link at its place or on its way is replaced, never written through. */
  put(path: string, data: Buffer | string): void {
    try {
      writeInside(this.dir, path, data);
    } catch (err) {
      // A failed write (a full disk) names no file of its own.
      (err as NodeJS.ErrnoException).path ??= this.path(path);
      throw err;
    }
  }

  commit(): void {
    const old = join(dirname(this.out), `.${basename(this.out)}.old-${process.pid}`);
    if (existsSync(this.out)) renameSync(this.out, old);
    renameSync(this.dir, this.out);
    rmSync(old, { recursive: true, force: true });
  }

  abort(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A file-system error named with the path in `<out>` the user knows, not the staging folder's. */
  asOutput(err: unknown): unknown {
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.path === 'string' && (e.path === this.dir || e.path.startsWith(this.dir + sep))) e.path = this.out + e.path.slice(this.dir.length);
    return err;
  }
}

/** Whether an entry of the old folder is carried into the new one: files, folders and links are; a pipe, device or socket cannot be. */
function carried(out: string, path: string): boolean {
  const stat = lstatSync(path);
  if (stat.isFile() || stat.isDirectory() || stat.isSymbolicLink()) return true;
  throw new UsageError(`--out ${out} cannot be built into: ${path} is not a file or a folder but a pipe, device or socket, which a build cannot carry over into the folder it makes anew. Move it out of ${out}.`);
}

/** Cleans up after builds that were killed: their staging folders go, and an output caught mid-swap comes back. */
function recover(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const base = basename(out);
  for (const name of readdirSync(parent)) {
    const m = new RegExp(`^\\.${escape(base)}\\.(tmp|old)-(\\d+)$`).exec(name);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(parent, name);
    if (m[1] === 'old' && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
