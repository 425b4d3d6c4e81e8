/** A problem found in user input, located so the user can go straight to it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field inside the file, e.g. `actors[2].dialogue[0].text`. */
  field: string;
  message: string;
  /** Stable rule name, so tests and scripts need not match on prose. */
  rule: string;
}

/** Thrown when input is rejected; carries every problem of the run, not just the first. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}${field} ${p.message} [${p.rule}]`;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** A command line that cannot run as given: unknown option, bad value, missing command. */
export class UsageError extends Error {
  override name = 'UsageError';
}
