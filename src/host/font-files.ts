import { readFileSync } from 'node:fs';
import { FONT_DIR } from '../kit-paths.js';
import type { FontSource } from '../render/fonts.js';

const read = new Map<string, Buffer>();

/**
 * A font file, read once per process: one of kernekit's own from its font folder, or one the
 * config names (checked by config/font-file.ts when the config was read), by its path.
 */
export function fontFile(source: FontSource): Buffer {
  const path = 'bundled' in source ? FONT_DIR + source.bundled : source.file;
  let bytes = read.get(path);
  if (!bytes) read.set(path, (bytes = readFileSync(path)));
  return bytes;
}
