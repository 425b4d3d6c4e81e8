import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The engine cache the test run uses, so tests never read or fill the user's own cache.
 * One per checkout: two clones testing at once must not remove each other's cache.
 */
const checkout = createHash('sha256').update(join(import.meta.dirname, '../..')).digest('hex').slice(0, 12);
export const TEST_CACHE_DIR = join(tmpdir(), `kernekit-test-cache-${checkout}`);
