import { cpSync, existsSync, lstatSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { CONFIG_FILE } from '../config/file.js';
import { configTemplate } from '../config/template.js';
import { UsageError } from '../content/problems.js';
import { printJson } from '../json-output.js';
import { CONTENT_FOLDER, DEFAULT_CONTENT, DEFAULT_LAYOUTS, LAYOUTS_FOLDER, shownPath } from '../kit-paths.js';
import { list } from './build-args.js';

export interface InitArgs {
  folder: string;
  copy?: string;
  json?: boolean;
}

/** What `--copy` can copy out of the package, and what the user does with it. */
const COPYABLE = {
  [CONTENT_FOLDER]: { from: DEFAULT_CONTENT, what: "the Danish kit's texts and translations, to edit" },
  [LAYOUTS_FOLDER]: { from: DEFAULT_LAYOUTS, what: "the documents' layouts, to change" },
} as const;
type Copyable = keyof typeof COPYABLE;

/**
 * Starts an organisation's own kit in `folder`: a commented config file and, on request,
 * copies of the default content and layouts. Writes nothing if any of it is already there.
 */
export function runInit(args: InitArgs, io: Io): number {
  try {
    const parts = args.copy === undefined ? [] : list(args.copy, 'copy');
    for (const p of parts) {
      if (!(p in COPYABLE)) throw new UsageError(`--copy "${p}" is not something init can copy. Choose from: ${Object.keys(COPYABLE).join(', ')}.`);
    }
    const folder = resolve(args.folder);
    if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UsageError(`${shownPath(folder)} is a file, not a folder. Name a folder for the kit, e.g. kernekit init mit-kit.`);
    const created = [
      { path: join(folder, CONFIG_FILE), kind: 'config', what: 'branding and build defaults, every field explained' },
      ...(parts as Copyable[]).map((p) => ({ path: join(folder, p), kind: p, what: COPYABLE[p].what })),
    ];
    // A link counts as there even when it leads nowhere: init would otherwise write where it leads.
    const taken = created.filter((c) => lstatSync(c.path, { throwIfNoEntry: false })).map((c) => shownPath(c.path));
    if (taken.length > 0) {
      throw new UsageError(`${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}, and init never overwrites anything. Name a new folder, or move ${taken.length === 1 ? 'it' : 'them'} away first.`);
    }
    write(folder, created.map((c) => c.path), () => {
      writeFileSync(join(folder, CONFIG_FILE), configTemplate(), { flag: 'wx' });
      for (const p of parts as Copyable[]) cpSync(COPYABLE[p].from, join(folder, p), { recursive: true });
    });
    const here = resolve(folder) === process.cwd();
    const next = [...(here ? [] : [`cd ${shownPath(folder)}`]), 'npx kernekit validate', 'npx kernekit build', ...(here ? ['npx kernekit watch'] : [])];
    if (args.json) {
      printJson(io, 'init', { folder, created: created.map((c) => ({ path: c.path, kind: c.kind })), next });
      return 0;
    }
    io.out(`Created in ${shownPath(folder)}/:`);
    const label = (c: (typeof created)[number]) => (c.kind === 'config' ? CONFIG_FILE : `${c.kind}/`);
    const width = Math.max(...created.map((c) => label(c).length));
    for (const c of created) io.out(`  ${label(c).padEnd(width)}  ${c.what}`);
    if (parts.length < Object.keys(COPYABLE).length) io.out('What is not copied comes from kernekit itself; --copy content,layouts copies both to edit.');
    io.out('Next:');
    for (const command of next) io.out(`  ${command}`);
    return 0;
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'init' } : undefined);
  }
}

/** Runs `writeAll`; if it fails half-way, removes what it made, so a failed init leaves no half-made kit. */
function write(folder: string, paths: string[], writeAll: () => void): void {
  const folderExisted = existsSync(folder);
  try {
    mkdirSync(folder, { recursive: true });
    writeAll();
  } catch (err) {
    for (const p of paths) rmSync(p, { recursive: true, force: true });
    if (!folderExisted) rmSync(folder, { recursive: true, force: true });
    throw err;
  }
}
