import { reportError } from '../report-error.js';
import { UsageError } from '../content/problems.js';
import type { Io } from '../terminal.js';
import { sourceKey, upToDate } from '../driver/source-key.js';
import { Staging } from '../publish/staging.js';
import { outputFolder } from '../publish/out-folder.js';
import { Timings } from '../driver/timings.js';
import { BUILD_REQUEST, SHAPING_BUILD_OPTIONS, type BuildArgs } from './build-args.js';
import { meetingRequest } from './meeting-options.js';
import { isDefaultContent, shownPath } from '../kit-paths.js';
import { parseGates } from '../i18n/gates.js';
import { gateTranslations, replayWarnings } from '../driver/warnings.js';
import { printWarnings } from './warning-report.js';
import { printResult, shownOut, timingsReport, upToDateLine } from './build-report.js';

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
    const seconds = () => (performance.now() - started) / 1000;
    const failOn = parseGates(args['fail-on'], args.strict === true);
    const jobs = args.jobs;
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)) throw new UsageError(`--jobs ${String(jobs)} is not a thread count. Give a whole number from 1 to 16.`);
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
      else if (!args.quiet) io.out(upToDateLine(shownOut(args.out, ''), seconds()));
      if (timings && !args.json) io.out(timingsReport(timings, []));
      return 0;
    }
    // The renderer is loaded only now (a bundle of its own), and reports what it built, or why it could not.
    const { renderBuild } = await import('./build-render.js');
    return await renderBuild({ args, io, meeting, failOn, sourceKey: key, timings, started });
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'build' } : undefined);
  }
}

/** Which content a build reads: with the package's default kit a user should know how to get an own copy. */
function contentLine(dir: string): string {
  return isDefaultContent(dir)
    ? `Content: kernekit's default Danish kit (${shownPath(dir)}). To make your own: npx kernekit init mit-kit --copy content`
    : `Content: ${shownPath(dir)}/`;
}
