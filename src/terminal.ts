import { escapeControls } from './control-characters.js';

/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Styles for standard output; absent, output is plain. */
  paint?: Paint;
  /** Shows a transient line that the next output replaces ('' clears it); only on a terminal. */
  status?: (line: string) => void;
}

/** Text styles; each is the identity when colour is off. */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

interface Stream {
  isTTY?: boolean;
  hasColors?(): boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Whether to colour what goes to `stream`. FORCE_COLOR decides when set (as in Node
 * itself: "0" or "false" turn colour off), then NO_COLOR (any non-empty value turns it
 * off, see no-color.org); otherwise only a terminal that has colours gets them, never a
 * pipe or a file.
 */
export function useColour(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && (stream.hasColors?.() ?? false);
}

export function paint(on: boolean): Paint {
  const sgr = (open: number, close: number) => (text: string) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}

const PLAIN = paint(false);

/** The styles for a command's standard output: plain for an Io that is not a terminal (tests, pipes). */
export function outPaint(io: Io): Paint {
  return io.paint ?? PLAIN;
}

/**
 * The process's own Io. On a terminal, standard output also carries a status line that
 * each new line replaces (the build's progress); the labels that start error and warning
 * lines on standard error are coloured where colour is on.
 */
export function terminalIo(stdout: Stream = process.stdout, stderr: Stream = process.stderr): Io {
  const errPaint = paint(useColour(stderr));
  let status = '';
  const clear = () => {
    if (status) stdout.write('\r\x1b[K');
    status = '';
  };
  return {
    out: (text) => {
      clear();
      stdout.write(text + '\n');
    },
    err: (text) => {
      clear();
      // Messages quote the user's texts; an escape sequence among them is shown, never run by the terminal.
      stderr.write(escapeControls(text).replace(/^(kernekit:)|^(warning:)/gm, (_, error?: string, warning?: string) => (error ? errPaint.red(errPaint.bold(error)) : errPaint.yellow(warning!))) + '\n');
    },
    paint: paint(useColour(stdout)),
    // A status line only makes sense where it can be rewritten in place: never in a pipe or a file.
    status: stdout.isTTY
      ? (line) => {
          clear();
          if (!line) return;
          // Longer than the terminal is wide, it would wrap and could no longer be replaced.
          // A pseudo-terminal may report no size (0 columns): assume the usual 80.
          const width = Math.max(20, (stdout.columns || 80) - 1);
          status = line.length > width ? line.slice(0, width - 1) + '…' : line;
          stdout.write(status);
        }
      : undefined,
  };
}
