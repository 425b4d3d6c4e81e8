import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

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
    // Files the previous build left keep their dates, and links stay as written.
    if (existsSync(out)) cpSync(out, dir, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    else mkdirSync(dir);
    return new Staging(out, dir);
  }

  /** Run by every build, also one that finds nothing to do. */
  static recover(out: string): void {
    recover(out);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
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
