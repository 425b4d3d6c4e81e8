import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { hashTree } from '../hash-tree.js';
import { engineKey } from '../render/engine-key.js';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE } from '../config/file.js';
import { MANIFEST, readManifest, type Manifest } from '../writers/manifest.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let tools: string | undefined;

/** kernekit itself: the engine (code, fonts, rendering libraries) and the layouts. Hashed once per process. */
export function toolHash(): string {
  if (tools === undefined) {
    const h = createHash('sha256').update(engineKey());
    hashTree(h, join(ROOT, 'layouts'));
    tools = h.digest('hex');
  }
  return tools;
}

/** Forget the tool hash (watch mode, after a layout edit). */
export function forgetToolHash(): void {
  tools = undefined;
}

/**
 * One fingerprint of everything a build reads: kernekit, the whole content folder, the
 * config file and the options as given. Equal to the last build's, nothing can have changed,
 * and the build can stop before loading the content at all.
 */
export function sourceKey(contentDir: string, configPath: string | undefined, options: Record<string, unknown>): string {
  const h = createHash('sha256').update(toolHash());
  hashTree(h, resolve(contentDir));
  const config = configPath ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (config && existsSync(config)) h.update('config').update(readFileSync(config));
  h.update(JSON.stringify({ options, epoch: process.env.SOURCE_DATE_EPOCH ?? null }));
  return h.digest('hex');
}

/** The last build's manifest if it was made from exactly this source and every file it lists is still there. */
export function upToDate(outDir: string, key: string): Manifest | undefined {
  const manifest = readManifest(join(outDir, MANIFEST));
  if (!manifest || manifest.source !== key) return undefined;
  for (const f of manifest.files) if (!hasSize(join(outDir, f.path), f.bytes)) return undefined;
  return existsSync(join(outDir, 'index.html')) ? manifest : undefined;
}

/** Whether the file is there with the size the manifest records: cheap evidence it is the file that was written. */
export function hasSize(path: string, bytes: number): boolean {
  try {
    return statSync(path).size === bytes;
  } catch {
    return false;
  }
}
