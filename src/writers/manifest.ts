import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentFamily } from '../content/model.js';

/** One published file. PDFs carry their document family, title and pages; zips and previews do not. */
export interface ManifestFile {
  /** Path inside the output folder, with forward slashes. */
  path: string;
  language: string;
  kind: 'pdf' | 'zip' | 'preview';
  document: DocumentFamily | null;
  title: string;
  pages: number | null;
  bytes: number;
  sha256: string;
  /** PDFs: the path of their first-page thumbnail. */
  preview?: string;
  /** PDFs and previews: fingerprint of everything the file was made from (see driver/fingerprint.ts). */
  inputs?: string;
  /** PDFs: translation keys that printed in Danish. */
  fallbacks?: string[];
}

export interface Manifest {
  kit: string;
  kernekit: string;
  /** Fingerprint of everything the last build read (see source-key.ts); lets an unchanged build stop at once. */
  source?: string;
  languages: string[];
  files: ManifestFile[];
}

export const MANIFEST = 'manifest.json';

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Adds keys to a language's list of untranslated keys, each once; empty lists are not kept. */
export function addFallbacks(fallbacks: Map<string, string[]>, language: string, keys: string[]): void {
  const all = new Set([...(fallbacks.get(language) ?? []), ...keys]);
  if (all.size > 0) fallbacks.set(language, [...all]);
}
