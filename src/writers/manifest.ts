import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentFamily } from '../content/model.js';
import type { Problem } from '../content/problems.js';
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
  /** What the build that wrote it warned about, so that a build with nothing to do can say it again. */
  warnings?: RecordedWarnings;
  files: ManifestFile[];
}

/** A build's warnings besides untranslated keys, which each file's entry records (`fallbacks`). */
export interface RecordedWarnings {
  /** Per language, translated keys whose Danish changed since. */
  stale?: Record<string, string[]>;
  /** Colours that look alike, pale colours; `file` relative to the content folder, which the next build may reach from another folder. */
  content?: Problem[];
  /** Why the index page has no thumbnails. */
  noPreviews?: string;
  /** When the meeting's exercises need more time than --minutes gives. */
  meeting?: string;
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
  // A record of warnings that cannot be read is no evidence of what the build warned about: without its source key, the next build looks for itself.
  if (m.warnings !== undefined && !isRecord(m.warnings)) {
    const { source: _source, warnings: _warnings, ...rest } = m as Manifest;
    return { ...rest, files };
  }
  return { ...(m as Manifest), files };
}

const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isRecord(w: unknown): w is RecordedWarnings {
  if (typeof w !== 'object' || w === null) return false;
  const { stale, content, noPreviews, meeting } = w as Record<string, unknown>;
  const problem = (p: Partial<Problem> | null) => typeof p === 'object' && p !== null && ['file', 'field', 'message', 'rule'].every((k) => typeof p[k as keyof Problem] === 'string') && Number.isInteger(p.line) && Number.isInteger(p.column);
  return (
    (stale === undefined || (typeof stale === 'object' && stale !== null && Object.values(stale).every(isStrings))) &&
    (content === undefined || (Array.isArray(content) && content.every(problem))) &&
    (noPreviews === undefined || typeof noPreviews === 'string') &&
    (meeting === undefined || typeof meeting === 'string')
  );
}

/** Adds keys to a language's list of untranslated keys, each once; empty lists are not kept. */
export function addFallbacks(fallbacks: Map<string, string[]>, language: string, keys: string[]): void {
  const all = new Set([...(fallbacks.get(language) ?? []), ...keys]);
  if (all.size > 0) fallbacks.set(language, [...all]);
}
