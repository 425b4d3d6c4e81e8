import { join, relative, resolve } from 'node:path';
import type { BuiltFile } from '../driver/build.js';
import type { Timings } from '../driver/timings.js';
import { printJson } from '../json-output.js';
import type { Io } from '../terminal.js';
import type { Manifest } from '../writers/manifest.js';
import type { BuildArgs } from './build-args.js';
import { warningsJson } from './warning-report.js';
import type { BuildWarnings } from '../driver/warnings.js';

/** The --json result: what was built, and the manifest of everything the output folder holds. */
export function printResult(io: Io, args: BuildArgs, seconds: number, result: { upToDate: boolean; built: BuiltFile[]; manifest: Manifest; warnings: BuildWarnings }, timings: Timings | undefined): void {
  const { warnings, ...rest } = result;
  printJson(io, 'build', { content: resolve(args.content), out: resolve(args.out), seconds: Math.round(seconds * 1000) / 1000, ...rest, warnings: warningsJson(warnings), ...(timings ? { timings: timings.steps } : {}) });
}

/** What a build prints, once, while another build holds its output folder. */
export function waiting(io: Io, out: string): (holder: number) => void {
  return (holder) => io.err(`Waiting for another kernekit (process ${holder}) to finish building into ${out}…`);
}

/** A path in the output folder as the user would type it from here. */
export function shownOut(out: string, path: string): string {
  return relative(process.cwd(), join(out, path)) || path;
}

/** The line a build that found nothing to do ends with. */
export function upToDateLine(out: string, seconds: number): string {
  return `Nothing changed since the last build; ${out} is up to date (${seconds.toFixed(2)} s). --force rebuilds everything.`;
}

/** The --timings report: the build's steps, then each PDF's share of composing and rendering. */
export function timingsReport(timings: Timings, files: BuiltFile[]): string {
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
