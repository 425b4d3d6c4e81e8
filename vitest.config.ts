import { defineConfig } from 'vitest/config';
import { TEST_CACHE_DIR } from './test/helpers/cache-dir.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { KERNEKIT_CACHE_DIR: TEST_CACHE_DIR },
    // PDF rendering tests build real documents; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
