import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKit } from '../../src/content/load.js';
import { InputError, type Problem } from '../../src/content/problems.js';
import { tempDir } from './files.js';

export const CONTENT = join(import.meta.dirname, '../../content');
/** Fremfærd's texts that the content is checked against; see sources/README.md. */
export const SOURCES = join(import.meta.dirname, '../../sources');

/** Test-only translations (a few labels each), kept out of content/. */
export const FIXTURE_LOCALES = join(import.meta.dirname, '../fixtures/locales');

/** A private copy of the real content, so a test can break one file of it; with the named test translations added. */
export function contentCopy(...testLanguages: string[]): string {
  const dir = tempDir('content');
  cpSync(CONTENT, dir, { recursive: true });
  for (const language of testLanguages) cpSync(join(FIXTURE_LOCALES, language), join(dir, 'locales', language), { recursive: true });
  return dir;
}

/** Replaces `from` with `to` in one file of a content copy; fails loudly if `from` is not there. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}

export function problemsOf(dir: string): Problem[] {
  try {
    loadKit(dir);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected the content to be rejected');
}

/** 1-based line number of the first line containing `needle` in a content file. */
export function lineOf(dir: string, file: string, needle: string): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`test setup: ${needle} not in ${file}`);
  return i + 1;
}
