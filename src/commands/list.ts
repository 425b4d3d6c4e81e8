import { join, relative, resolve } from 'node:path';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { loadKit } from '../content/load.js';
import { FAMILIES } from '../documents/registry.js';
import { buildRequest } from './build-options.js';
import type { BuildArgs } from './build.js';
import { printJson } from '../json-output.js';
import { ACCESSIBILITY_FILE } from '../writers/accessibility-page.js';

/** What `build` with the same options would write, without rendering anything. */
export function runList(args: BuildArgs, io: Io): number {
  try {
    const request = buildRequest(args);
    const kit = loadKit(request.contentDir);
    const shown = (path: string) => relative(process.cwd(), join(request.outDir, path)) || path;
    const rows = request.languages.flatMap((language) => [
      ...FAMILIES.filter((f) => request.only.includes(f.id)).flatMap((f) => f.files(kit).map((file) => ({ language, kind: 'pdf', document: f.id as string | null, path: `${language}/${file}` }))),
      { language, kind: 'zip', document: null, path: `${language}/kernekit-${language}.zip` },
    ]);
    if (args.json) {
      const site = [{ language: null, kind: 'index', document: null, path: 'index.html' }, { language: null, kind: 'manifest', document: null, path: 'manifest.json' }];
      printJson(io, 'list', { content: resolve(request.contentDir), out: resolve(request.outDir), languages: request.languages, files: [...rows, ...site] });
      return 0;
    }
    const width = Math.max(...rows.map((r) => shown(r.path).length));
    for (const r of rows) io.out(`${r.language}  ${shown(r.path).padEnd(width)}  ${r.document ?? r.kind}`);
    io.out(`    ${shown('index.html')}, ${shown(ACCESSIBILITY_FILE)}, ${shown('manifest.json')}, an HTML edition beside each PDF (<name>.html), a first-page preview of each PDF in <lang>/previews/, and each language's planner page with its scripts (<lang>/planlaeg-moedet.html, the name translated)`);
    return 0;
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'list' } : undefined);
  }
}
