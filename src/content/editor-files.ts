/**
 * Files an editor or the system keeps beside the ones a user saves: hidden files (`.#x.yaml`,
 * an Emacs lock that is a dangling symlink; `.x.yaml.swp`), Emacs autosaves (`#x.yaml#`) and
 * backups (`x.yaml~`). kernekit never reads them as content, hashes them or rebuilds for them.
 */
export function isEditorFile(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('.') || (base.startsWith('#') && base.endsWith('#')) || base.endsWith('~');
}
