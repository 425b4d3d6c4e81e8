import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_CACHE_DIR } from './helpers/cache-dir.js';

/**
 * Tests that run the real `kernekit` binary, or the planner page's script, need the bundles
 * to match the sources, and tests that build from the sources start worker threads from dist/.
 */
export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  // The run's shared fixture kit (helpers/fixture-kit.ts): built by the first test that reads it.
  const fixtureKit = mkdtempSync(join(tmpdir(), 'kernekit-fixture-kit-'));
  project.provide('fixtureKit', fixtureKit);
  return () => {
    rmSync(TEST_CACHE_DIR, { recursive: true, force: true });
    rmSync(fixtureKit, { recursive: true, force: true });
  };
}
