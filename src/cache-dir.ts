import { lstatSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeInside } from './write-inside.js';

/**
 * The mark of kernekit's cache folder: a Cache Directory Tag (https://bford.info/cachedir/),
 * which backup tools know to skip, saying whose it is. kernekit removes its old cache files
 * from the folder, so it only uses a folder that carries this mark, or that it made.
 */
export const CACHE_MARK = 'CACHEDIR.TAG';
const SIGNATURE = 'Signature: 8a477f597d28d172789f06886806bc55';
const MARK_TEXT = [
  SIGNATURE,
  "# kernekit's cache folder: kernekit made what is in it and removes what it no longer needs.",
  '# Deleting the whole folder is always safe. About this tag: https://bford.info/cachedir/',
  '',
].join('\n');

/**
 * What kernekit's caches name their entries (code-cache.ts, yaml-file.ts, host/): a folder an
 * earlier kernekit filled before it marked its folders holds nothing else, and is taken as its own.
 */
const OWN_ENTRY = /^(code|yaml|templates|engine-[0-9a-f]{16}\.json|(previews|streams|subsets)-[0-9a-f]{16}|\.?CACHEDIR\.TAG.*)$/;

interface CacheFolder {
  dir: string | null;
  /** Why the folder KERNEKIT_CACHE_DIR names cannot be kernekit's; each command refuses to start. */
  problem?: string;
}

/** Decided once per value of the variables: the caches ask on every file they read. */
const decided = new Map<string, CacheFolder>();

/**
 * The folder of kernekit's caches (the engine cache, the V8 code cache, previews):
 * KERNEKIT_CACHE_DIR, else $XDG_CACHE_HOME/kernekit, else ~/.cache/kernekit; null when
 * KERNEKIT_CACHE_DIR=off, when the folder is not kernekit's (see cacheDirProblem), or when
 * it cannot be made (a read-only home: the caches only save time).
 */
export function cacheDir(): string | null {
  return cacheFolder().dir;
}

/** What is wrong with KERNEKIT_CACHE_DIR, if anything: an empty value, or a folder that holds files of others. */
export function cacheDirProblem(): string | undefined {
  return cacheFolder().problem;
}

function cacheFolder(): CacheFolder {
  const given = process.env.KERNEKIT_CACHE_DIR;
  const key = given ?? `xdg:${process.env.XDG_CACHE_HOME ?? ''}`;
  let folder = decided.get(key);
  if (!folder) decided.set(key, (folder = decide(given)));
  return folder;
}

function decide(given: string | undefined): CacheFolder {
  if (given === 'off') return { dir: null };
  if (given === '') {
    return { dir: null, problem: "KERNEKIT_CACHE_DIR is set but empty. Give a folder for kernekit's cache, KERNEKIT_CACHE_DIR=off to turn the cache off, or unset it to use ~/.cache/kernekit." };
  }
  // The default folder is named for kernekit: one an earlier version filled is its own, mark or not.
  const dir = resolve(given ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kernekit'));
  try {
    if (marked(dir)) return { dir };
    if (given !== undefined && !readdirSync(dir).every((name) => OWN_ENTRY.test(name))) {
      return {
        dir: null,
        problem: `KERNEKIT_CACHE_DIR=${given} holds files kernekit did not make (it has no ${CACHE_MARK} of kernekit's), and kernekit removes old files from its cache folder. Give a folder of its own, e.g. KERNEKIT_CACHE_DIR=${join(given, 'kernekit')}, or KERNEKIT_CACHE_DIR=off.`,
      };
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' && given !== undefined) return { dir: null, problem: `KERNEKIT_CACHE_DIR=${given} is a file, not a folder. Give a folder for kernekit's cache, or KERNEKIT_CACHE_DIR=off.` };
    if (code !== 'ENOENT') return { dir: null };
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeInside(dir, CACHE_MARK, MARK_TEXT);
    return { dir };
  } catch {
    return { dir: null };
  }
}

/** Whether the folder carries kernekit's mark (any version's wording), as a file of its own, not a link to another's. */
function marked(dir: string): boolean {
  const mark = join(dir, CACHE_MARK);
  if (lstatSync(mark, { throwIfNoEntry: false })?.isFile() !== true) return false;
  const text = readFileSync(mark, 'utf8');
  return text.startsWith(SIGNATURE) && text.includes("kernekit's cache folder");
}
