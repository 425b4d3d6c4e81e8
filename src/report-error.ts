import { relative } from 'node:path';
import { InputError, UsageError, formatProblem } from './content/problems.js';
import { DrawError, FitError, LayoutError, OutputBusyError, ReadRefusedError, TranslationError } from './errors.js';
import { fileSystemReason } from './fs-errors.js';
import type { Io } from './terminal.js';


/** Exit codes: what went wrong, for scripts. 70 is EX_SOFTWARE from sysexits.h. */
export const EXIT = { ok: 0, input: 1, usage: 2, bug: 70 } as const;

/**
 * The one place a command's failure becomes what the user reads and the exit code: every
 * kind of failure kernekit knows is one message (file, line and what to do where there is
 * one) with exit 1 (input, the disk) or 2 (command line); only a bug shows a stack trace.
 */
export function reportError(err: unknown, io: Io): number {
  if (err instanceof UsageError) {
    io.err(`kernekit: ${err.message}\nRun "kernekit --help" for the commands and options.`);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    for (const p of err.problems) io.err(formatProblem(p));
    const n = err.problems.length;
    io.err(`${n} problem${n === 1 ? '' : 's'} found. Nothing was written.`);
    return EXIT.input;
  }
  if (err instanceof LayoutError || err instanceof FitError || err instanceof TranslationError || err instanceof DrawError || err instanceof OutputBusyError || err instanceof ReadRefusedError) {
    io.err(`kernekit: ${err.message}`);
    io.err('Nothing was written.');
    return EXIT.input;
  }
  const fs = fileSystemMessage(err);
  if (fs) {
    io.err(`kernekit: ${fs}`);
    return EXIT.input;
  }
  io.err(`kernekit: internal error: ${(err as Error)?.stack ?? String(err)}\nThis is a bug in kernekit; please report it with the command you ran.`);
  return EXIT.bug;
}

const READS = new Set(['read', 'readdir', 'scandir', 'stat', 'lstat', 'readlink', 'realpath', 'access']);

/** One line for an error from the file system, or undefined when `err` is not one kernekit can explain. */
function fileSystemMessage(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const reason = fileSystemReason(err);
  if (!reason || typeof e?.syscall !== 'string') return undefined;
  const verb = READS.has(e.syscall) ? 'read' : 'write';
  const path = typeof e.path === 'string' ? ` ${relative(process.cwd(), e.path) || e.path}` : '';
  return `cannot ${verb}${path}: ${reason}`;
}
