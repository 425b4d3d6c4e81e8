import { relative } from 'node:path';
import { InputError, UsageError, formatProblem } from './content/problems.js';
import { DrawError, FitError, LayoutError, OutputBusyError, PosterSpaceError, ReadRefusedError, SheetSpaceError, TranslationError } from './errors.js';
import { fileSystemReason } from './fs-errors.js';
import { printJson } from './json-output.js';
import type { Io } from './terminal.js';


/** Exit codes: what went wrong, for scripts. 70 is EX_SOFTWARE from sysexits.h. */
export const EXIT = { ok: 0, input: 1, usage: 2, bug: 70 } as const;

/** One thing wrong, located where it can be: `null` where the failure has no file, line or field. */
export interface ReportedProblem {
  file: string | null;
  line: number | null;
  column: number | null;
  field: string | null;
  message: string;
  rule: string;
}

/** A command's failure as the user gets it: the text lines for standard error, and the same as data for --json. */
interface Failure {
  code: typeof EXIT.input | typeof EXIT.usage | typeof EXIT.bug;
  text: string[];
  problems: ReportedProblem[];
}

/** Asked for with --json: the failure is one JSON document on standard output, for the named command (null when the command line named none). */
export interface JsonReport {
  command: string | null;
  /** JSON Lines, as watch prints them. */
  oneLine?: boolean;
}

const KIND = { [EXIT.input]: 'input', [EXIT.usage]: 'usage', [EXIT.bug]: 'bug' } as const;

/**
 * The one place a command's failure becomes what the user reads and the exit code: every
 * kind of failure kernekit knows is one message (file, line and what to do where there is
 * one) with exit 1 (input, the disk) or 2 (command line); only a bug shows a stack trace.
 * With `json`, the same problems go to standard output as one JSON document
 * (schemas/error.schema.json), and standard error stays empty but for a bug's stack.
 */
export function reportError(err: unknown, io: Io, json?: JsonReport): number {
  const failure = describe(err);
  if (!json) {
    for (const line of failure.text) io.err(line);
    return failure.code;
  }
  printJson(io, json.command, { error: KIND[failure.code], exitCode: failure.code, problems: failure.problems }, json.oneLine);
  if (failure.code === EXIT.bug) io.err(failure.text.join('\n'));
  return failure.code;
}

function describe(err: unknown): Failure {
  if (err instanceof UsageError) {
    return { code: EXIT.usage, text: [`kernekit: ${err.message}\nRun "kernekit --help" for the commands and options.`], problems: [unlocated(err.message, 'command-line', optionNamed(err.message))] };
  }
  if (err instanceof InputError) {
    const n = err.problems.length;
    return { code: EXIT.input, text: [...err.problems.map(formatProblem), `${n} problem${n === 1 ? '' : 's'} found. Nothing was written.`], problems: err.problems };
  }
  if (err instanceof LayoutError) {
    return { code: EXIT.input, text: [`kernekit: ${err.message}`, 'Nothing was written.'], problems: [{ ...unlocated(err.reason, 'layout'), file: `layouts/${err.file}`, line: err.line }] };
  }
  const rule = ruleOf(err);
  if (rule) {
    return { code: EXIT.input, text: [`kernekit: ${(err as Error).message}`, 'Nothing was written.'], problems: [unlocated((err as Error).message, rule)] };
  }
  const fs = fileSystemProblem(err);
  if (fs) return { code: EXIT.input, text: [`kernekit: ${fs.message}`], problems: [fs] };
  return {
    code: EXIT.bug,
    text: [`kernekit: internal error: ${(err as Error)?.stack ?? String(err)}\nThis is a bug in kernekit; please report it with the command you ran.`],
    problems: [unlocated(`internal error: ${(err as Error)?.message ?? String(err)}. This is a bug in kernekit; please report it with the command you ran.`, 'bug')],
  };
}

/** The rule a script can match for each failure that is the input's but has no file and line of its own. */
function ruleOf(err: unknown): string | undefined {
  if (err instanceof FitError || err instanceof SheetSpaceError || err instanceof PosterSpaceError) return 'text-does-not-fit';
  if (err instanceof TranslationError) return 'translation-incomplete';
  if (err instanceof DrawError) return 'cannot-draw';
  if (err instanceof OutputBusyError) return 'output-busy';
  if (err instanceof ReadRefusedError) return 'read-refused';
  return undefined;
}

function unlocated(message: string, rule: string, field: string | null = null): ReportedProblem {
  return { file: null, line: null, column: null, field, message, rule };
}

/** A message about one option starts with it (`--lang "xx" is not…`): that option is the field, as the text line shows. */
function optionNamed(message: string): string | null {
  return /^--[a-z][\w-]*/.exec(message)?.[0] ?? null;
}

const READS = new Set(['read', 'readdir', 'scandir', 'stat', 'lstat', 'readlink', 'realpath', 'access']);

/** An error from the file system as a problem with the file it concerns, or undefined when `err` is not one kernekit can explain. */
function fileSystemProblem(err: unknown): ReportedProblem | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const reason = fileSystemReason(err);
  if (!reason || typeof e?.syscall !== 'string') return undefined;
  const verb = READS.has(e.syscall) ? 'read' : 'write';
  const file = typeof e.path === 'string' ? relative(process.cwd(), e.path) || e.path : null;
  return { ...unlocated(`cannot ${verb}${file ? ` ${file}` : ''}: ${reason}`, 'file-system'), file };
}
