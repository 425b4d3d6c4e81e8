import { join, relative, resolve } from 'node:path';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { loadKit } from '../content/load.js';
import type { DocumentFamily } from '../content/model.js';
import { FAMILIES } from '../documents/registry.js';
import { localizeUnchecked } from '../i18n/translator.js';
import { buildRequest } from './build-options.js';
import type { BuildArgs } from './build-args.js';
import { printJson } from '../json-output.js';
import { ACCESSIBILITY_FILE } from '../writers/accessibility-page.js';
import { editionFile } from '../writers/html-edition.js';
import { plannerFile } from '../writers/planner-page.js';
import { plannerScripts } from '../writers/planner-scripts.js';
import { WEB_FONT_FOLDER, WEB_FONT_PATHS } from '../fonts/web-fonts.js';
import { MANIFEST } from '../writers/manifest.js';

interface Row {
  language: string | null;
  kind: 'pdf' | 'html' | 'preview' | 'zip' | 'planner' | 'index' | 'accessibility' | 'manifest' | 'font';
  document: DocumentFamily | null;
  path: string;
}

/** What `build` with the same options would write, without rendering anything: the same paths as its manifest.json, and the three files beside it. */
export function runList(args: BuildArgs, io: Io): number {
  try {
    const request = buildRequest(args);
    const kit = loadKit(request.contentDir);
    const shown = (path: string) => relative(process.cwd(), join(request.outDir, path)) || path;
    const rows: Row[] = request.languages.flatMap((language) => {
      const at = (kind: Row['kind'], document: DocumentFamily | null, file: string): Row => ({ language, kind, document, path: `${language}/${file}` });
      const documents = FAMILIES.filter((f) => request.only.includes(f.id)).flatMap((f) => {
        // Only what this build would write: the print pack, say, needs --groups.
        const planned = f.inputs(kit, request.options.tailoring);
        const pdfs = f.files(kit).filter((file) => file in planned);
        return [...pdfs.map((p) => at('pdf', f.id, p)), ...pdfs.map((p) => at('html', f.id, editionFile(p))), ...pdfs.map((p) => at('preview', f.id, `previews/${p.replace(/\.pdf$/, '.png')}`))];
      });
      const planner = [plannerFile(localizeUnchecked(kit, request.contentDir, language), request.contentDir), ...plannerScripts(request.options)].sort((a, b) => a.localeCompare(b));
      return [...documents, at('zip', null, `kernekit-${language}.zip`), ...planner.map((p) => at('planner', null, p))];
    });
    const site: Row[] = [
      { language: null, kind: 'index', document: null, path: 'index.html' },
      { language: null, kind: 'accessibility', document: null, path: ACCESSIBILITY_FILE },
      { language: null, kind: 'manifest', document: null, path: MANIFEST },
      ...WEB_FONT_PATHS.map((path): Row => ({ language: null, kind: 'font', document: null, path })),
    ];
    if (args.json) {
      printJson(io, 'list', { content: resolve(request.contentDir), out: resolve(request.outDir), languages: request.languages, files: [...rows, ...site] });
      return 0;
    }
    // The text names the files a person opens; editions, previews and the planner's scripts are summed up below.
    const opened = rows.filter((r) => r.kind === 'pdf' || r.kind === 'zip' || (r.kind === 'planner' && r.path.endsWith('.html')));
    const width = Math.max(...opened.map((r) => shown(r.path).length));
    for (const r of opened) io.out(`${r.language}  ${shown(r.path).padEnd(width)}  ${r.document ?? r.kind}`);
    io.out(`    ${[...site.filter((r) => r.kind !== 'font').map((r) => shown(r.path)), `${shown(WEB_FONT_FOLDER)}/ (the web pages' typeface)`].join(', ')}`);
    io.out(`    and beside each PDF its HTML edition (<name>.html) and a preview (<lang>/previews/<name>.png), beside each planner page its scripts (${plannerScripts(request.options).join(', ')}); list --json names every file.`);
    return 0;
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'list' } : undefined);
  }
}
