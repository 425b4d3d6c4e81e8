import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { TEST_CACHE_DIR } from './helpers/cache-dir.js';

/** Tests that run the real `kernekit` binary need dist/ to match the sources. */
export default function setup(): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  return () => rmSync(TEST_CACHE_DIR, { recursive: true, force: true });
}
