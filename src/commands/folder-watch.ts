import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isEditorFile } from '../content/editor-files.js';

export interface FolderWatch {
  close(): void;
}

/**
 * Calls `changed` with the path (relative to `root`) of every file created, changed, removed
 * or renamed in `root` and, with `recursive`, in every folder below it, folders made later
 * included. Folders are watched, never files: an editor that saves by writing a new file and
 * renaming it over the old one (sed -i, and many editors) replaces the file, and a watch on
 * the file itself goes deaf after that first save, while its folder stays the same. Editors'
 * own files are ignored. A root that is removed and made again is watched again.
 */
export function watchFolder(root: string, recursive: boolean, changed: (path: string) => void): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let parent: FSWatcher | undefined;
  const add = (dir: string) => {
    if (watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (dir === root && !isFolder(root)) return rootGone();
        if (!name || isEditorFile(name)) return;
        const path = join(dir, name);
        if (recursive && isFolder(path)) add(path);
        else forget(path);
        changed(relative(root, path));
      });
    } catch {
      return; // removed before it could be watched; its parent reports it
    }
    // A watched folder that is removed ends its watch; its parent's watch sees it when it comes back.
    watcher.on('error', () => (dir === root ? rootGone() : forget(dir)));
    watchers.set(dir, watcher);
    if (recursive) for (const sub of subfolders(dir)) add(sub);
  };
  const forget = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  /**
   * The root itself was removed (content/ deleted, then copied back): every watch below it
   * ended with it, and the folder that holds it is watched until it is back.
   */
  const rootGone = () => {
    for (const dir of [...watchers.keys()]) forget(dir);
    changed('');
    if (parent) return;
    try {
      parent = watch(dirname(root), (_event, name) => {
        if (name !== basename(root) || !isFolder(root)) return;
        parent?.close();
        parent = undefined;
        add(root);
        changed('');
      });
    } catch {
      // The folder above is gone too; nothing is left to watch.
    }
  };
  add(root);
  return {
    close() {
      for (const w of watchers.values()) w.close();
      watchers.clear();
      parent?.close();
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !isEditorFile(d.name))
      .map((d) => join(dir, d.name));
  } catch {
    return [];
  }
}
