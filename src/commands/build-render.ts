import type { Io } from '../terminal.js';
import type { BuiltFile } from '../driver/build.js';
import type { Timings } from '../driver/timings.js';
import type { Gate } from '../i18n/gates.js';
import { formatBytes } from '../writers/format.js';
import { reportError } from '../report-error.js';
import { outPaint } from '../terminal.js';
import { buildRequest } from './build-options.js';
import { build } from '../driver/build.js';
import { buildProgress } from './build-progress.js';
import { printWarnings } from './warning-report.js';
import { printResult, shownOut, timingsReport, upToDateLine, waiting } from './build-report.js';
import type { BuildArgs } from './build-args.js';
import type { meetingRequest } from './meeting-options.js';

/** What the up-to-date check has read and worked out, handed on so that none of it is done twice. */
export interface CheckedBuild {
  args: BuildArgs;
  io: Io;
  meeting: ReturnType<typeof meetingRequest>;
  failOn: Gate[];
  sourceKey: string;
  timings: Timings | undefined;
  /** performance.now() when the command began, for the seconds it reports. */
  started: number;
}

/**
 * The build that the up-to-date check could not skip: loads the renderer, builds what
 * changed, and reports it. Its own failures are reported here, by the code that knows them
 * (the renderer is a bundle of its own, with its own error classes).
 */
export async function renderBuild({ args, io, meeting, failOn, sourceKey, timings, started }: CheckedBuild): Promise<number> {
  try {
    const shown = (path: string) => shownOut(args.out, path);
    const seconds = () => (performance.now() - started) / 1000;
    const request = buildRequest(args, meeting);
    timings?.lap("loading kernekit's modules");
    const talk = !args.quiet && !args.json;
    const progress = buildProgress(talk ? io.status : undefined, started);
    const fileLine = (f: BuiltFile) => {
      if (talk) io.out(`${f.language}  ${shown(f.path)}  ${f.pages} ${f.pages === 1 ? 'page' : 'pages'}  ${formatBytes(f.bytes, 'en')}  ${(f.ms / 1000).toFixed(2)} s`);
      progress.file(f);
    };
    const jobs = args.jobs;
    let result;
    try {
      result = await build({ ...request, failOn, force: args.force === true, jobs, sourceKey, timings, onWait: waiting(io, shown('') || args.out) }, fileLine, progress.planned);
    } finally {
      progress.end();
    }
    printWarnings(io, result.warnings);
    if (args.json) {
      printResult(io, args, seconds(), { upToDate: result.upToDate, built: result.files, manifest: result.manifest, warnings: result.warnings }, timings);
    } else if (result.upToDate && !args.quiet) {
      io.out(upToDateLine(shown(''), seconds()));
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
