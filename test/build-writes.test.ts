import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runKernekit } from './helpers/cli.js';
import { contentCopy, edit } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';

// What the kernel was asked to change, seen from outside: the build runs under strace, which
// records every system call that creates, writes, renames or removes a file, with each file
// descriptor's path (-y), so a write that followed a link shows where it landed.
const LIMIT = 180_000;

/** Calls that change the file system by path; `open` and `openat` only when they open for writing. */
const CHANGES = ['open', 'openat', 'creat', 'mkdir', 'mkdirat', 'rename', 'renameat', 'renameat2', 'unlink', 'unlinkat', 'rmdir', 'link', 'linkat', 'symlink', 'symlinkat', 'chmod', 'fchmodat', 'truncate', 'utimensat'];

function hasStrace(): boolean {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs kernekit under strace, one log per thread (so no call is split across lines), under a time limit. */
function traced(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<number | null> {
  // `?`: a call this machine's kernel does not have (arm64 has no open or rename) is left out.
  const strace = ['-ff', '-y', '-qq', '-e', `trace=${CHANGES.map((c) => `?${c}`).join(',')}`, '-o', log, process.execPath, BIN, ...args];
  return new Promise((done) => {
    const child = spawn('strace', strace, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
    const limit = setTimeout(() => child.kill('SIGKILL'), LIMIT);
    child.on('close', (code) => {
      clearTimeout(limit);
      done(code);
    });
  });
}

/** Every path a successful call changed: its path arguments (taken from their directory's descriptor) and, for an open, where the descriptor landed. */
function changedPaths(line: string): string[] {
  const call = /^(\w+)\((.*)\) += (-?\d+)(?:<(.*)>)?/.exec(line);
  if (!call || Number(call[3]) < 0) return [];
  const [, name, argText, , landed] = call;
  if ((name === 'open' || name === 'openat') && !/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(argText!)) return [];
  const paths: string[] = [];
  let base = '';
  // An argument is a descriptor with its path (AT_FDCWD</dir>, 3</dir>) or a quoted path.
  for (const arg of argText!.matchAll(/(?:AT_FDCWD|\d+)<([^>]*)>|"((?:[^"\\]|\\.)*)"/g)) {
    if (arg[1] !== undefined) base = arg[1];
    else paths.push(isAbsolute(arg[2]!) ? arg[2]! : resolve(base, arg[2]!));
  }
  // symlink(target, path): the target is text the link holds, not a path that changes.
  if (name === 'symlink' || name === 'symlinkat') paths.shift();
  if (landed !== undefined) paths.push(landed);
  return paths;
}

describe('a build writes only inside out/ and the cache folder', () => {
  it('also after links to elsewhere were planted in both', { timeout: 3 * LIMIT }, async () => {
    expect(hasStrace(), 'strace is installed (.ci/run installs it)').toBe(true);
    const dir = tempDir('writes');
    const content = contentCopy();
    const out = join(dir, 'out');
    const cache = join(dir, 'cache');
    const env = { KERNEKIT_CACHE_DIR: cache };
    const args = ['build', '--quiet', '--content', content, '--lang', 'da', '--only', 'handout', '--out', out];
    expect((await runKernekit(args, { cwd: dir, env, limitMs: LIMIT })).code, 'the first build').toBe(0);

    // Elsewhere: the user's own files, which links in out/ and in the cache folder now lead to.
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const plant = (path: string) => {
      const moved = join(elsewhere, path.slice(dir.length + 1).replace(/\//g, '_'));
      renameSync(path, moved);
      symlinkSync(moved, path);
    };
    plant(join(out, 'index.html'));
    plant(join(out, 'da', 'misforstaaelser.pdf'));
    plant(join(out, 'da', 'previews'));
    for (const name of readdirSync(cache)) if (name !== 'CACHEDIR.TAG') plant(join(cache, name));
    const before = snapshot(elsewhere);
    expect(Object.keys(before).length).toBeGreaterThan(5);

    // A new title: a new PDF, thumbnail, page and cache entries, each written where a link now is.
    edit(content, 'kit.yaml', /^title: /m, 'title: Ny ');
    const log = join(dir, 'trace');
    const code = await traced(args, dir, env, log);

    const allowed = (path: string) => [out, cache].some((root) => path === root || path.startsWith(root + '/')) || /^\.out\.(lock|tmp-\d+|old-\d+)(\/|$)/.test(path.slice(dir.length + 1));
    const changed = readdirSync(dir)
      .filter((f) => f.startsWith('trace.'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .flatMap(changedPaths);
    expect(changed.length, 'strace saw the build write').toBeGreaterThan(10);
    expect(changed.filter((p) => !allowed(p))).toEqual([]);
    expect(snapshot(elsewhere), 'the files the links led to').toEqual(before);
    expect(code, 'the build under strace').toBe(0);
    expect(lstatSync(join(out, 'index.html')).isFile()).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Ny ');
  });
});
