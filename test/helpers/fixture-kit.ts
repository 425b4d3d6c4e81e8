import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildInto } from './build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An empty folder for this test run's shared fixture kit (test/global-setup.ts). */
    fixtureKit: string;
  }
}

/** How long a test waits for another test file's worker to finish building the shared kit. */
const WAIT_MS = 180_000;

/**
 * The default Danish card deck, built once per test run for every test that only reads it
 * (deck, colours, ink): whichever test file asks first builds it, in the folder global-setup
 * gives the run, and the others wait for it, so a file still runs alone.
 */
export async function defaultDeck(): Promise<Buffer> {
  const dir = inject('fixtureKit');
  const done = join(dir, 'done');
  const file = join(dir, 'out', 'da', 'spoergsmaalskort.pdf');
  if (existsSync(done)) return readFileSync(file);
  let building = false;
  try {
    mkdirSync(join(dir, 'building'), { recursive: false });
    building = true;
  } catch {
    // Another worker builds it.
  }
  if (building) {
    try {
      const built = await buildInto({ only: 'cards' });
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      mkdirSync(join(dir, 'out', 'da'), { recursive: true });
      writeFileSync(file, built.read('da', 'spoergsmaalskort.pdf'));
      writeFileSync(done, '');
    } catch (err) {
      writeFileSync(join(dir, 'failed'), String(err));
      throw err;
    }
    return readFileSync(file);
  }
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(done)) {
    if (existsSync(join(dir, 'failed'))) throw new Error(`the shared fixture kit failed to build: ${readFileSync(join(dir, 'failed'), 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the shared fixture kit was not built within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return readFileSync(file);
}
