import { runWatch } from '../../src/commands/watch.js';
import type { BuildArgs } from '../../src/commands/build-args.js';

/**
 * Starts `kernekit watch` in this process with the CLI's defaults for the options not given,
 * keeping what it prints; `stop()` ends it as Ctrl-C would and gives its exit code.
 */
export function startWatch(args: Partial<BuildArgs> & { content: string; out: string }) {
  const lines: string[] = [];
  const errors: string[] = [];
  const abort = new AbortController();
  const options = { duplex: 'long', bleed: 3, imposition: 'sheet', ...args } as BuildArgs;
  const done = runWatch(options, { out: (t) => lines.push(t), err: (t) => errors.push(t) }, abort.signal);
  return {
    lines,
    errors,
    stop(): Promise<number> {
      abort.abort();
      return done;
    },
  };
}
