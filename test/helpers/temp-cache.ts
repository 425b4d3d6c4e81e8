import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './files.js';

/**
 * For the tests of one file: each test gets an empty cache folder of its own (a getter, read
 * inside the test), and the run's cache folder is back afterwards.
 */
export function tempCacheDirs(name: string): () => string {
  let dir = '';
  const saved = process.env.KERNEKIT_CACHE_DIR;
  beforeEach(() => {
    dir = tempDir(name);
    process.env.KERNEKIT_CACHE_DIR = dir;
  });
  afterEach(() => {
    process.env.KERNEKIT_CACHE_DIR = saved;
  });
  return () => dir;
}
