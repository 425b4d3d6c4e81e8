import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The engine cache the test run uses, so tests never read or fill the user's own cache. */
export const TEST_CACHE_DIR = join(tmpdir(), 'kernekit-test-cache');
