import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { TEST_CACHE_DIR } from './helpers/cache-dir.js';

/**
 * Tests that run the real `kernekit` binary, or the planner page's script, need the bundles
 * to match the sources, and tests that build from the sources start worker threads from dist/.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  return () => rmSync(TEST_CACHE_DIR, { recursive: true, force: true });
}
