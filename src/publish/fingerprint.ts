import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from '../documents/family.js';
import { localesDir, SOURCE_LANGUAGE } from '../i18n/translator.js';
import { LAYOUT_DIR, onLayoutsChanged } from '../layout/layouts.js';
import { fontBytes } from '../render/fonts.js';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let shared: string | undefined;
onLayoutsChanged(() => (shared = undefined));

/** kernekit's own code (dist/ or, in tests, src/): a changed renderer must not reuse old PDFs, version bump or not. */
const CODE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Layouts, fonts and code: the same for every document of a build, hashed once per process. */
function layoutsAndFonts(): string {
  if (shared === undefined) {
    const h = createHash('sha256');
    for (const file of readdirSync(LAYOUT_DIR).sort()) h.update(file).update(readFileSync(join(LAYOUT_DIR, file)));
    for (const file of (readdirSync(CODE_DIR, { recursive: true }) as string[]).filter((f) => /\.(js|ts)$/.test(f)).sort()) {
      h.update(file).update(readFileSync(join(CODE_DIR, file)));
    }
    for (const [style, bytes] of fontBytes()) h.update(style).update(bytes);
    shared = h.digest('hex');
  }
  return shared;
}

/**
 * Everything besides its own content that a document of one language is made from:
 * kernekit's version, layouts, fonts, the build options and the language's labels.
 */
export function environment(contentDir: string, language: string, options: BuildOptions): string {
  const labels = [SOURCE_LANGUAGE, language].map((l) => {
    const file = join(localesDir(contentDir), l, 'labels.json');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  });
  return sha(JSON.stringify({ kernekit: options.version, shared: layoutsAndFonts(), options: { ...options, branding: brandingKey(options) }, language, labels }));
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
