import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isKernekitRecord } from '../i18n/files.js';
import { CONFIG_FILE } from '../config/load.js';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { watchFolder } from './folder-watch.js';
import { forgetLayouts } from '../layout/layouts.js';
import { LAYOUT_DIR, LAYOUTS_FOLDER, shownPath } from '../kit-paths.js';
import { build, type BuiltFile } from '../driver/build.js';
import { formatBytes } from '../writers/format.js';
import { buildRequest } from './build-options.js';
import { outputFolder } from '../publish/out-folder.js';
import type { BuildArgs } from './build-args.js';
import { waiting } from './build-report.js';
import { printJson } from '../json-output.js';
import type { BuildWarnings } from '../driver/warnings.js';
import { printWarnings, warningsJson } from './warning-report.js';

/** Quiet time after the last change before rebuilding: editors save in several writes. */
const SETTLE_MS = 40;

/**
 * Builds, then rebuilds whatever a change to content, translations, layouts or the config
 * affects, printing one line per rebuilt file. Runs until interrupted. Everything stays
 * warm in this process (fonts, shaped words, compiled layouts), so a rebuild is quick.
 */
export async function runWatch(args: BuildArgs, io: Io, signal?: AbortSignal): Promise<number> {
  // --json: one compact JSON document per line and rebuild (JSON Lines), for a script that follows the output; a failed rebuild is one such line too.
  const json = args.json === true;
  const asJson = json ? { command: 'watch', oneLine: true } : undefined;
  let request;
  try {
    request = buildRequest(args);
    // Refused before watching: every rebuild would be refused the same way.
    outputFolder(request.outDir, request.contentDir);
  } catch (err) {
    return reportError(err, io, asJson);
  }
  const line = (f: BuiltFile) => json || io.out(`${new Date().toISOString().slice(11, 19)}  ${f.language}  ${relative(process.cwd(), join(request.outDir, f.path)) || f.path}  ${f.pages} ${f.pages === 1 ? 'page' : 'pages'}  ${formatBytes(f.bytes, 'en')}  ${(f.ms / 1000).toFixed(2)} s`);
  let running = false;
  let again = false;
  let layoutsChanged = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    if (layoutsChanged) forgetLayouts();
    layoutsChanged = false;
    try {
      const started = performance.now();
      // Options are read again, so an edited config file takes effect too.
      const request = { ...buildRequest(args), jobs: 1 };
      // The deck is what an editor keeps open: it is published on its own first, the rest after.
      const rounds = request.only.includes('cards') && request.only.length > 1 ? [['cards' as const], request.only] : [request.only];
      const built: BuiltFile[] = [];
      let warnings: BuildWarnings | undefined;
      for (const only of rounds) {
        const result = await build({ ...request, only, onWait: waiting(io, relative(process.cwd(), request.outDir) || request.outDir) }, line);
        built.push(...result.files);
        // The last round covers every family; only thumbnails that failed in the first would be missing from its warnings.
        warnings = { ...result.warnings, noPreviews: result.warnings.noPreviews ?? warnings?.noPreviews };
      }
      printWarnings(io, warnings!);
      const rebuilt = built.length;
      if (json) printJson(io, 'watch', { out: resolve(request.outDir), seconds: Math.round(performance.now() - started) / 1000, built, warnings: warningsJson(warnings!) }, true);
      else if (rebuilt === 0) io.out('Nothing to rebuild.');
      else io.out(`Rebuilt ${rebuilt} file${rebuilt === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(2)} s. Watching for changes…`);
    } catch (err) {
      reportError(err, io, asJson);
      if (!json) io.out('Watching for changes…');
    }
    running = false;
    if (again) {
      again = false;
      await rebuild();
    }
  };

  // Listened for from the start, so that Ctrl-C stops watch during the first build, or after a failed one, too.
  let stopping = false;
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      stopping = true;
      process.off('SIGINT', stop);
      done();
    };
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });
  await Promise.race([rebuild(), stopped]);
  if (stopping) return 0;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    if (!stopping) timer = setTimeout(rebuild, SETTLE_MS);
  };
  // The config file is watched through its folder, so a file created or replaced after watch started counts too.
  const config = resolve(args.config ?? CONFIG_FILE);
  const watchers = [
    watchFolder(request.contentDir, true, (name) => {
      // kernekit writes these itself while it builds; they change nothing a build prints.
      if (!isKernekitRecord(name)) schedule();
    }),
    watchFolder(LAYOUT_DIR, true, () => {
      layoutsChanged = true;
      schedule();
    }),
    watchFolder(dirname(config), false, (name) => {
      if (name === basename(config)) schedule();
    }),
  ];
  if (!json) io.out(`Watching ${watchedFolders(request.contentDir, config)} for changes. Press Ctrl-C to stop.`);
  await stopped;
  clearTimeout(timer);
  for (const w of watchers) w.close();
  return 0;
}

/** What watch follows, as the user knows it: layouts/ is named only when the kit has its own (the package's, watched otherwise, are not the user's to edit). */
function watchedFolders(contentDir: string, config: string): string {
  const watched = [`${shownPath(contentDir)}/`, ...(LAYOUT_DIR === resolve(LAYOUTS_FOLDER) + sep ? [`${LAYOUTS_FOLDER}/`] : []), shownPath(config)];
  return `${watched.slice(0, -1).join(', ')} and ${watched.at(-1)}`;
}
