import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where a kit's parts come from. Installed as a package, kernekit carries a complete default
// kit (the Danish content, its translations and the layouts); a folder made with
// `kernekit init --copy content,layouts` overrides them by having its own. Fonts always come
// from the package: they are part of the engine, not of a kit.

/** kernekit's own folder: the clone, or node_modules/kernekit when installed (this file is in src/ or dist/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * kernekit's running code: src/ in tests, dist/ compiled, or bundle/ when installed. Every
 * one of them sits one level below the package root, which is why the paths here hold in all three.
 */
export const CODE_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Whether the code runs from its bundle (scripts/bundle.mjs), where packages are part of the code. */
export const BUNDLED = import.meta.url.endsWith('.cjs');

/** The kit's fonts: part of the engine, always the package's own. */
export const FONT_DIR = join(PACKAGE_ROOT, 'fonts') + sep;

/** The Danish kit that ships with kernekit. */
export const DEFAULT_CONTENT = join(PACKAGE_ROOT, 'content');

/** The layouts that ship with kernekit, which `init --copy layouts` copies. */
export const DEFAULT_LAYOUTS = join(PACKAGE_ROOT, 'layouts');

/** Folder names a kit folder uses for its own content and layouts. */
export const CONTENT_FOLDER = 'content';
export const LAYOUTS_FOLDER = 'layouts';

/** `--content` as given, else content/ in the current folder, else the default kit. */
export function contentDir(given: string | undefined): string {
  if (given !== undefined) return given;
  return existsSync(CONTENT_FOLDER) ? CONTENT_FOLDER : DEFAULT_CONTENT;
}

/** Whether a content folder is the one inside kernekit's package (which a user should not edit). */
export function isDefaultContent(dir: string): boolean {
  return resolve(dir) === resolve(DEFAULT_CONTENT);
}

/**
 * The layouts a build uses, with a trailing separator: layouts/ in the current folder when
 * there is one, else the package's. Decided once per process; worker threads share the
 * process's current folder, so they decide the same.
 */
export const LAYOUT_DIR = resolve(existsSync(LAYOUTS_FOLDER) ? LAYOUTS_FOLDER : DEFAULT_LAYOUTS) + sep;

/** A path as the user should read it: relative to the current folder when inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(path) : rel;
}
