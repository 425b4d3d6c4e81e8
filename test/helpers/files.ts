import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
// Every test file loads its own copy of the helpers, so each file removes the folders it made.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new folder under the system's temporary folder, removed when the test file has run. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kernekit-${name}-`));
  made.push(dir);
  return dir;
}

/** Every file below `dir` with its sha256: a fingerprint of a whole output folder. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
