import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder of kernekit's caches (the engine cache, the V8 code cache, previews):
 * KERNEKIT_CACHE_DIR, else $XDG_CACHE_HOME/kernekit, else ~/.cache/kernekit.
 * KERNEKIT_CACHE_DIR=off turns them off.
 */
export function cacheDir(): string | null {
  const dir = process.env.KERNEKIT_CACHE_DIR;
  if (dir === 'off') return null;
  if (dir) return dir;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kernekit');
}
