import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
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

/**
 * `--content` as given, else content/ in the current folder, else the default kit. A
 * content/ that is there, even as a link that leads nowhere, is the kit's: kernekit's own
 * Danish kit never stands in for it (kitFolderProblem says what is wrong with it).
 */
export function contentDir(given: string | undefined): string {
  if (given !== undefined) return given;
  return lstatSync(CONTENT_FOLDER, { throwIfNoEntry: false }) ? CONTENT_FOLDER : DEFAULT_CONTENT;
}

/**
 * What is wrong with the kit's own content/ or layouts/ here, or the path given for one,
 * if it is a link that leads nowhere or in a circle, or not a folder: each command says so
 * before it starts, instead of building kernekit's own kit or layouts in its place.
 */
export function kitFolderProblem(path: string): string | undefined {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (!link) return undefined;
  try {
    if (statSync(path).isDirectory()) return undefined;
    return `${path} is a file, not a folder. Give the folder that holds the kit's ${basename(path)}.`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return `${path} is a link whose links point in a circle. Fix or remove the link.`;
    if (link.isSymbolicLink()) return `${path} is a link to ${readlinkSync(path)}, which does not exist. Fix or remove the link.`;
    return undefined;
  }
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
export const LAYOUT_DIR = resolve(lstatSync(LAYOUTS_FOLDER, { throwIfNoEntry: false }) ? LAYOUTS_FOLDER : DEFAULT_LAYOUTS) + sep;

/** A path as the user should read it: relative to the current folder when inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(path) : rel;
}
