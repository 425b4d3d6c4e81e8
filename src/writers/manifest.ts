import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentFamily } from '../content/model.js';
import { isInnerPath } from '../publish/out-path.js';

/** One published file. PDFs carry their document family, title and pages; zips and previews do not. */
export interface ManifestFile {
  /** Path inside the output folder, with forward slashes. */
  path: string;
  language: string;
  /** `planner`: the planner page of a language and the scripts beside it. */
  kind: 'pdf' | 'html' | 'preview' | 'zip' | 'planner';
  document: DocumentFamily | null;
  title: string;
  pages: number | null;
  bytes: number;
  sha256: string;
  /** PDFs: the path of their first-page thumbnail. */
  preview?: string;
  /** PDFs: the path of their HTML edition. */
  html?: string;
  /** PDFs, HTML editions and previews: fingerprint of everything the file was made from (see driver/fingerprint.ts). */
  inputs?: string;
  /** PDFs and zips: translation keys that printed in Danish (a zip's: its read-me's and the index page's). */
  fallbacks?: string[];
}

export interface Manifest {
  /** json-output.ts's SCHEMA_VERSION; schemas/manifest.schema.json describes the file. */
  schemaVersion: number;
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

/**
 * The manifest kernekit wrote into an output folder, if `path` holds one. Anyone may have
 * edited it since, so only entries whose paths stay inside the folder are kept: a file left
 * out is simply built again.
 */
export function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const m = data as Partial<Manifest> | null;
  if (typeof m !== 'object' || m === null || typeof m.kernekit !== 'string' || !Array.isArray(m.files)) return undefined;
  const files = m.files.filter(
    (f: Partial<ManifestFile> | null) =>
      typeof f === 'object' && f !== null && typeof f.path === 'string' && isInnerPath(f.path) && typeof f.language === 'string' && f.path.startsWith(`${f.language}/`) && (f.preview === undefined || (typeof f.preview === 'string' && isInnerPath(f.preview))) && typeof f.bytes === 'number',
  );
  return { ...(m as Manifest), files };
}

/** Adds keys to a language's list of untranslated keys, each once; empty lists are not kept. */
export function addFallbacks(fallbacks: Map<string, string[]>, language: string, keys: string[]): void {
  const all = new Set([...(fallbacks.get(language) ?? []), ...keys]);
  if (all.size > 0) fallbacks.set(language, [...all]);
}
