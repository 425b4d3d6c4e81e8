import { lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The config file a build looks for in the current folder when --config is not given. */
export const CONFIG_FILE = 'kernekit.config.yaml';

/**
 * The config file a build reads: the one --config names (missing or not), else
 * kernekit.config.yaml here if there is one. One that is a link that leads nowhere is
 * there, and reading it says so: a build never goes on without the organisation's branding.
 */
export function configPath(file: string | undefined): string | undefined {
  const path = resolve(file ?? CONFIG_FILE);
  return file === undefined && !lstatSync(path, { throwIfNoEntry: false }) ? undefined : path;
}

/** A file path as the config writes it (a logo, a font) is relative to the config file's folder. */
export function pathFromConfig(config: string, written: string): string {
  return resolve(dirname(config), written.trim());
}
