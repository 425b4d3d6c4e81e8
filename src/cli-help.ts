import { closestWord } from './closest-word.js';
import { UsageError } from './content/problems.js';

// What the help screens add to yargs' own: the exit codes of each command, and a
// suggestion when a command is mistyped.

export const COMMANDS = ['init', 'validate', 'build', 'watch', 'list', 'i18n'] as const;
export const I18N_COMMANDS = ['status', 'extract'] as const;

const BUG = 'a bug in kernekit: please report it';

/** The exit codes of one command, as the last lines of its help. */
export function exitCodes(codes: Partial<Record<0 | 1 | 2, string>>): string {
  const all: Array<[number, string]> = [...Object.entries(codes).map(([k, v]) => [Number(k), v] as [number, string]), [70, BUG]];
  return ['Exit codes:', ...all.map(([code, meaning]) => `  ${String(code).padEnd(3)}${meaning}`)].join('\n');
}

export const USAGE_MISTAKE = 'a mistake on the command line, such as an unknown option';
export const INPUT_PROBLEM = 'a problem in the content, config or layouts; nothing was written';

/**
 * A first word that is no command gets the nearest command suggested ("bild" → build),
 * before yargs would answer with a bare "Unknown argument". Options (`-…`) are left to yargs.
 */
export function checkCommand(argv: readonly string[]): void {
  const [first, second] = argv;
  if (first !== undefined && !first.startsWith('-') && !(COMMANDS as readonly string[]).includes(first)) throw unknown(first, COMMANDS, '');
  if (first === 'i18n' && second !== undefined && !second.startsWith('-') && !(I18N_COMMANDS as readonly string[]).includes(second)) throw unknown(second, I18N_COMMANDS, 'i18n ');
}

function unknown(word: string, commands: readonly string[], prefix: string): UsageError {
  const near = closestWord(word, commands);
  const advice = near ? `Did you mean "kernekit ${prefix}${near}"?` : `The commands are: ${commands.map((c) => prefix + c).join(', ')}.`;
  return new UsageError(`"${prefix}${word}" is not a kernekit command. ${advice}`);
}
