import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { BuildOptions } from '../documents/family.js';
import { templateFile, translationFile } from '../i18n/files.js';
import { onLayoutsChanged } from '../layout/layouts.js';
import { forgetToolHash, toolHash } from './source-key.js';

onLayoutsChanged(forgetToolHash);

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Everything besides its own content that a document of one language is made from:
 * kernekit's version, layouts, fonts, the build options and the language's labels. The
 * facilitator's meeting is not among them: only the documents that show it count it among
 * their inputs (Family.inputs), so another start time does not make the deck again.
 */
export function environment(contentDir: string, language: string, options: BuildOptions): string {
  const labels = [templateFile(contentDir, 'labels'), translationFile(contentDir, language, 'labels')].map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''));
  const { tailoring: _, ...shaping } = options;
  return sha(JSON.stringify({ kernekit: options.version, shared: toolHash(), options: { ...shaping, branding: brandingKey(options) }, language, labels }));
}

function brandingKey(options: BuildOptions) {
  const b = options.branding;
  if (!b) return null;
  const logo = b.logo ? sha(b.logo.kind === 'png' ? b.logo.data : b.logo.svg) : null;
  return { organisation: b.organisation, accent: b.accent, logo };
}

/** The fingerprint a file records in the manifest: its environment and the content it shows. */
export function fileFingerprint(environmentHash: string, family: string, file: string, input: unknown): string {
  return sha(JSON.stringify({ environmentHash, family, file, input })).slice(0, 32);
}
