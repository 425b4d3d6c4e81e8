import { join, relative, resolve } from 'node:path';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import type { BuiltFile } from '../driver/build.js';
import { formatBytes } from '../writers/format.js';
import { UsageError } from '../content/problems.js';
import { sourceKey, upToDate } from '../driver/source-key.js';
import { Staging } from '../publish/staging.js';
import { outputFolder } from '../publish/out-folder.js';
import { Timings } from '../driver/timings.js';
import { BUILD_REQUEST, SHAPING_BUILD_OPTIONS, type RawBuildArgs } from './build-args.js';
import { meetingRequest } from './meeting-options.js';
import { isDefaultContent, shownPath } from '../kit-paths.js';
import { printJson } from '../json-output.js';
import { outPaint } from '../terminal.js';
import { buildProgress } from './build-progress.js';
import type { Manifest } from '../writers/manifest.js';
import { parseGates } from '../i18n/gates.js';
import { gateTranslations, replayWarnings, type BuildWarnings } from '../driver/warnings.js';
import { printWarnings, warningsJson } from './warning-report.js';

export interface BuildArgs extends RawBuildArgs {
  strict?: boolean;
  'fail-on'?: string;
  force?: boolean;
  jobs?: number;
  quiet?: boolean;
  json?: boolean;
  timings?: boolean;
}

/**
 * The options that decide what a build writes, or whether it fails: part of the source key,
 * so that a build given another value of any of them is never "up to date". (--config and
 * --content count by what they hold; --out, --force, --jobs and the output options change
 * nothing written.)
 */
export const SHAPING_OPTIONS = [...SHAPING_BUILD_OPTIONS, 'strict', 'fail-on'] as const;

export async function runBuild(args: BuildArgs, io: Io): Promise<number> {
  try {
    const timings = args.timings ? new Timings() : undefined;
    timings?.lap('start-up: Node and the command line');
    const started = performance.now();
    const shown = (path: string) => relative(process.cwd(), join(args.out, path)) || path;
    const seconds = () => (performance.now() - started) / 1000;
    const failOn = parseGates(args['fail-on'], args.strict === true);
    // Checked before anything heavy is loaded: an unchanged build ends here, near Node's own start-up time.
    // The meeting is read here, once: a mistake in it stops the build before anything is looked at, and the key holds the meeting, not how it was typed.
    const meeting = meetingRequest(args);
    const shaping = SHAPING_OPTIONS.filter((k) => !(k in BUILD_REQUEST.meeting)).map((k) => [k, args[k] ?? null]);
    const key = sourceKey(args.content, args.config, { ...Object.fromEntries(shaping), meeting: meeting ?? null });
    if (!args.quiet && !args.json) io.out(contentLine(args.content));
    const outDir = outputFolder(args.out, args.content);
    Staging.recover(outDir);
    const last = args.force ? undefined : upToDate(outDir, key);
    timings?.lap('checking whether anything changed');
    if (last) {
      // The last build's warnings still hold: nothing they are about has changed.
      const warnings = replayWarnings(last, args.content);
      gateTranslations(failOn, warnings);
      printWarnings(io, warnings);
      if (args.json) printResult(io, args, seconds(), { upToDate: true, built: [], manifest: last, warnings }, timings);
      else if (!args.quiet) io.out(`Nothing changed since the last build; ${shown('')} is up to date (${seconds().toFixed(2)} s). --force rebuilds everything.`);
      if (timings && !args.json) io.out(timingsReport(timings, []));
      return 0;
    }
    const { buildRequest } = await import('./build-options.js');
    const { build } = await import('../driver/build.js');
    const request = buildRequest(args, meeting);
    timings?.lap("loading kernekit's modules");
    const talk = !args.quiet && !args.json;
    const progress = buildProgress(talk ? io.status : undefined, started);
    const fileLine = (f: BuiltFile) => {
      if (talk) io.out(`${f.language}  ${shown(f.path)}  ${f.pages} ${f.pages === 1 ? 'page' : 'pages'}  ${formatBytes(f.bytes, 'en')}  ${(f.ms / 1000).toFixed(2)} s`);
      progress.file(f);
    };
    const jobs = args.jobs;
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)) throw new UsageError(`--jobs ${String(jobs)} is not a thread count. Give a whole number from 1 to 16.`);
    let result;
    try {
      result = await build({ ...request, failOn, force: args.force === true, jobs, sourceKey: key, timings, onWait: waiting(io, shown('') || args.out) }, fileLine, progress.planned);
    } finally {
      progress.end();
    }
    printWarnings(io, result.warnings);
    if (args.json) {
      printResult(io, args, seconds(), { upToDate: result.upToDate, built: result.files, manifest: result.manifest, warnings: result.warnings }, timings);
    } else if (result.upToDate && !args.quiet) {
      io.out(`Nothing changed since the last build; ${shown('')} is up to date (${seconds().toFixed(2)} s). --force rebuilds everything.`);
    } else if (!args.quiet) {
      const pages = result.files.reduce((n, f) => n + f.pages, 0);
      io.out(outPaint(io).green(`Built ${result.files.length} PDF${result.files.length === 1 ? '' : 's'} (${pages} page${pages === 1 ? '' : 's'}) in ${request.languages.join(', ')} in ${seconds().toFixed(2)} s.`) + ` Open ${shown('index.html')} to see the kit.`);
    }
    if (timings && !args.json) io.out(timingsReport(timings, result.files));
    return 0;
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'build' } : undefined);
  }
}

/** The --json result: what was built, and the manifest of everything the output folder holds. */
/** What a build prints, once, while another build holds its output folder. */
export function waiting(io: Io, out: string): (holder: number) => void {
  return (holder) => io.err(`Waiting for another kernekit (process ${holder}) to finish building into ${out}…`);
}

function printResult(io: Io, args: BuildArgs, seconds: number, result: { upToDate: boolean; built: BuiltFile[]; manifest: Manifest; warnings: BuildWarnings }, timings: Timings | undefined): void {
  const { warnings, ...rest } = result;
  printJson(io, 'build', { content: resolve(args.content), out: resolve(args.out), seconds: Math.round(seconds * 1000) / 1000, ...rest, warnings: warningsJson(warnings), ...(timings ? { timings: timings.steps } : {}) });
}

/** Which content a build reads: with the package's default kit a user should know how to get an own copy. */
function contentLine(dir: string): string {
  return isDefaultContent(dir)
    ? `Content: kernekit's default Danish kit (${shownPath(dir)}). To make your own: npx kernekit init mit-kit --copy content`
    : `Content: ${shownPath(dir)}/`;
}

/** The --timings report: the build's steps, then each PDF's share of composing and rendering. */
function timingsReport(timings: Timings, files: BuiltFile[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = ['Where the time went (wall clock, main thread):'];
  for (const { step, ms } of timings.steps) lines.push(`  ${s(ms).padStart(8)}  ${step}`);
  lines.push(`  ${s(timings.totalMs).padStart(8)}  total`);
  if (files.length > 0) {
    const width = Math.max(...files.map((f) => f.path.length));
    lines.push('Per PDF (composing counts once per document family; threads may overlap):', `  ${'file'.padEnd(width)}   compose    render`);
    for (const f of files) lines.push(`  ${f.path.padEnd(width)}  ${(f.composeMs ? s(f.composeMs) : '').padStart(8)}  ${s(f.renderMs).padStart(8)}`);
  }
  return lines.join('\n');
}
