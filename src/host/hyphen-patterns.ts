import { createRequire } from 'node:module';
import type { HyphenPatterns } from './types.js';

/**
 * hyphen's pattern sets by language, each loaded when first needed. Each require names its
 * module in full, so that the bundler can see it (scripts/bundle.mjs).
 */
const PATTERNS: Record<string, () => HyphenPatterns> = {
  da: () => createRequire(import.meta.url)('hyphen/da'),
  en: () => createRequire(import.meta.url)('hyphen/en-gb'),
  sv: () => createRequire(import.meta.url)('hyphen/sv'),
  nb: () => createRequire(import.meta.url)('hyphen/nb'),
  no: () => createRequire(import.meta.url)('hyphen/nb'),
  nn: () => createRequire(import.meta.url)('hyphen/nn'),
  de: () => createRequire(import.meta.url)('hyphen/de'),
  fr: () => createRequire(import.meta.url)('hyphen/fr'),
  es: () => createRequire(import.meta.url)('hyphen/es'),
  fi: () => createRequire(import.meta.url)('hyphen/fi'),
  is: () => createRequire(import.meta.url)('hyphen/is'),
};

/** A language's hyphenation (by its primary subtag), or undefined when hyphen has no patterns for it. */
export function hyphenPatterns(language: string): HyphenPatterns | undefined {
  return PATTERNS[language]?.();
}
