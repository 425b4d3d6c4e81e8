import { readFileSync } from 'node:fs';
import { FONT_DIR } from '../kit-paths.js';
import { FONT_FILES, type FontStyle } from '../render/fonts.js';

let cache: Map<FontStyle, Buffer> | undefined;

/** The kit's font files, read from kernekit's font folder once per process. */
export function fontFiles(): Map<FontStyle, Buffer> {
  cache ??= new Map(Object.entries(FONT_FILES).map(([style, file]) => [style as FontStyle, readFileSync(FONT_DIR + file)]));
  return cache;
}
