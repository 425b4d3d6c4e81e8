import { relative, resolve } from 'node:path';
import type { Problem } from '../content/problems.js';
import { TranslationError } from '../errors.js';
import type { Gate } from '../i18n/gates.js';
import { addFallbacks, type Manifest, type RecordedWarnings } from '../writers/manifest.js';

/**
 * What a build found worth fixing that did not stop it. Every build reports all of it until
 * it is fixed, also a build that finds nothing changed: a second run, or a CI job, would
 * otherwise never hear of it.
 */
export interface BuildWarnings {
  /** Per language, translation keys that printed in Danish. */
  missing: Map<string, string[]>;
  /** Per language, translated keys whose Danish changed since they were translated. */
  stale: Map<string, string[]>;
  /** In the content: colours that look alike, pale colours. */
  content: Problem[];
  /** Why the index page has no thumbnails. */
  noPreviews?: string;
  /** When the meeting's exercises need more time than --minutes gives. */
  meeting?: string;
}

/** Fails the build on the untranslated or stale keys that `failOn` names. */
export function gateTranslations(failOn: readonly Gate[] | undefined, warnings: Pick<BuildWarnings, 'missing' | 'stale'>): void {
  const missing = failOn?.includes('missing') ? warnings.missing : new Map<string, string[]>();
  const stale = failOn?.includes('stale') ? warnings.stale : new Map<string, string[]>();
  if (missing.size > 0 || stale.size > 0) throw new TranslationError(missing, stale);
}

/** What manifest.json keeps of a build's warnings; nothing when there are none besides untranslated keys (those are on the files). */
export function recordWarnings(warnings: BuildWarnings, contentDir: string): RecordedWarnings | undefined {
  const content = resolve(contentDir);
  const record: RecordedWarnings = {
    ...(warnings.stale.size > 0 ? { stale: Object.fromEntries(warnings.stale) } : {}),
    ...(warnings.content.length > 0 ? { content: warnings.content.map((p) => ({ ...p, file: relative(content, resolve(p.file)) })) } : {}),
    ...(warnings.noPreviews ? { noPreviews: warnings.noPreviews } : {}),
    ...(warnings.meeting ? { meeting: warnings.meeting } : {}),
  };
  return Object.keys(record).length > 0 ? record : undefined;
}

/** The warnings of the build that wrote `manifest`, for a build that finds nothing changed since. */
export function replayWarnings(manifest: Manifest, contentDir: string): BuildWarnings {
  const missing = new Map<string, string[]>();
  for (const f of manifest.files) addFallbacks(missing, f.language, f.fallbacks ?? []);
  const record = manifest.warnings ?? {};
  return {
    missing,
    stale: new Map(Object.entries(record.stale ?? {})),
    // Named from the current folder, as loading the content names them.
    content: (record.content ?? []).map((p) => ({ ...p, file: relative(process.cwd(), resolve(contentDir, p.file)) })),
    ...(record.noPreviews ? { noPreviews: record.noPreviews } : {}),
    ...(record.meeting ? { meeting: record.meeting } : {}),
  };
}
