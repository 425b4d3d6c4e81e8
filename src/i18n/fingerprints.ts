import { join } from 'node:path';
import { readResource } from './resource-file.js';
import { localesDir } from './language-code.js';

/** Per translated key: fingerprints of the Danish it was translated from and of the translation. */
export type Fingerprints = Record<string, { source: string; target: string }>;

export const fingerprintFile = (contentDir: string, language: string) => join(localesDir(contentDir), language, 'fingerprints.json');

export function readFingerprints(contentDir: string, language: string): Fingerprints {
  return (readResource(fingerprintFile(contentDir, language)) as Fingerprints | undefined) ?? {};
}
