import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { hashTree } from '../hash-tree.js';
import { isKernekitRecord } from '../i18n/files.js';
import { engineKey } from '../render/engine-key.js';
import { join, relative, resolve } from 'node:path';
import { configPath, pathFromConfig } from '../config/file.js';
import { InputError } from '../content/problems.js';
import { readYamlFile } from '../content/yaml-file.js';
import { LAYOUT_DIR } from '../kit-paths.js';
import { MANIFEST, readManifest, type Manifest } from '../writers/manifest.js';
import { fileInside } from '../publish/out-path.js';

let tools: string | undefined;

/** kernekit itself: the engine (code, fonts, rendering libraries) and the layouts. Hashed once per process. */
export function toolHash(): string {
  if (tools === undefined) {
    const h = createHash('sha256').update(engineKey());
    hashTree(h, LAYOUT_DIR);
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
export function sourceKey(contentDir: string, configFile: string | undefined, options: Record<string, unknown>): string {
  const h = createHash('sha256').update(toolHash());
  hashTree(h, resolve(contentDir), (file) => !isKernekitRecord(file));
  const config = configPath(configFile);
  if (config) hashConfig(h, config);
  h.update(JSON.stringify({ options, epoch: process.env.SOURCE_DATE_EPOCH ?? null }));
  return h.digest('hex');
}

/**
 * The config file's bytes and those of the logo and font files it names: a build reads them
 * all. A config that cannot be read is the same error here as in a full build, so an
 * up-to-date out/ does not hide it.
 */
function hashConfig(h: Hash, config: string): void {
  const read = readYamlFile(config, relative(process.cwd(), config) || config);
  if (!read.ok) throw new InputError(read.problems);
  h.update('config').update(readFileSync(config));
  const data = read.yaml.data as { logo?: unknown; fonts?: unknown; typeface?: unknown } | null;
  const fonts = Array.isArray(data?.fonts) ? data.fonts : [];
  const typeface = data?.typeface && typeof data.typeface === 'object' ? Object.values(data.typeface) : [];
  for (const file of [data?.logo, ...fonts, ...typeface]) {
    if (typeof file !== 'string') continue;
    const path = pathFromConfig(config, file);
    h.update(`file\0${file}\0`);
    // A file that is missing or a folder changes the key too; the full build then says what is wrong.
    if (existsSync(path) && statSync(path).isFile()) h.update(readFileSync(path));
  }
}

/** The last build's manifest if it was made from exactly this source and every file it lists is still there. */
export function upToDate(outDir: string, key: string): Manifest | undefined {
  const manifest = readManifest(join(outDir, MANIFEST));
  if (!manifest || manifest.source !== key) return undefined;
  for (const f of manifest.files) if (!hasSize(outDir, f.path, f.bytes)) return undefined;
  return existsSync(join(outDir, 'index.html')) ? manifest : undefined;
}

/** Whether the file is inside the folder with the size the manifest records: cheap evidence it is the file that was written. */
export function hasSize(outDir: string, path: string, bytes: number): boolean {
  const file = fileInside(outDir, path);
  return file !== undefined && statSync(file).size === bytes;
}
