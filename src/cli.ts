import yargs, { type Argv } from 'yargs';
import { UsageError } from './content/problems.js';
import { buildOptions, CONFIG_OPTION } from './commands/build-args.js';
import type { BuildArgs } from './commands/build-args.js';
import { version } from './version.js';
import { contentDir, kitFolderProblem, LAYOUTS_FOLDER } from './kit-paths.js';
import { cacheDirProblem } from './cache-dir.js';
import { terminalIo, type Io } from './terminal.js';
import { checkCommand, COMMANDS, exitCodes, I18N_COMMANDS, INPUT_PROBLEM, USAGE_MISTAKE } from './cli-help.js';
import { reportError, type JsonReport } from './report-error.js';

export type { Io } from './terminal.js';

/** Runs one command line and returns the exit code; never throws for user mistakes. */
export async function main(argv: string[], io: Io = terminalIo()): Promise<number> {
  let code = 0;
  const asJson = jsonReport(argv);
  try {
    checkCommand(argv);
  } catch (err) {
    return reportError(err, io, asJson);
  }
  const parser = yargs(argv.length === 0 ? ['--help'] : dashValuesAttached(argv))
    .scriptName('kernekit')
    .usage('$0 <command> [options]\n\nPrint-ready workshop kits about kerneopgaven.')
    .option('content', { type: 'string', describe: "Folder with the kit content (YAML) and translations (default: content/ in the current folder, else kernekit's own Danish kit)", global: true })
    .middleware((args) => {
      args.content = contentDir(args.content as string | undefined);
      // Before any command reads a kit or fills a cache: never kernekit's own kit, layouts or a shared folder in their place.
      const problem = cacheDirProblem() ?? kitFolderProblem(args.content as string) ?? kitFolderProblem(LAYOUTS_FOLDER);
      if (problem) throw new UsageError(problem);
    })
    .command(
      'init [folder]',
      "Start your organisation's own kit: a commented kernekit.config.yaml, and copies of the content and layouts to change",
      (y: Argv) =>
        y
          .positional('folder', { type: 'string', default: '.', describe: 'Folder for the kit; made if it does not exist' })
          .option('copy', { type: 'string', describe: 'Also copy these from kernekit, to edit: content, layouts (comma-separated)' })
          .option('json', { type: 'boolean', default: false, describe: 'Print what was made as JSON' })
          .strict()
          .example('$0 init mit-kit', 'A new folder with a kernekit.config.yaml; content and layouts stay kernekit\'s')
          .example('$0 init mit-kit --copy content,layouts', 'The same, with copies of the Danish content and the layouts to edit')
          .example('$0 init', 'A kernekit.config.yaml in the current folder')
          .epilogue(exitCodes({ 0: 'made; the next commands are printed', 2: 'a mistake on the command line, or a file init would write is there already' })),
      async (args) => {
        const { runInit } = await import('./commands/init.js');
        code = runInit(args as unknown as { folder: string; copy?: string; json: boolean }, io);
      },
    )
    .command(
      'validate',
      'Check the content and the config file, and print a summary of what the content holds',
      (y: Argv) =>
        y
          .option('config', CONFIG_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'Print the summary, or every problem, as JSON' })
          .strict()
          .example('$0 validate', 'Check content/ (or kernekit\'s own kit) and print the summary')
          .example('$0 validate --content ../min-kit', 'Check another content folder')
          .example('$0 validate --config ../kommune.yaml', 'Check the content and a config file that is not kernekit.config.yaml here')
          .example('$0 validate --json', 'The counts, or every problem with file, line and field, for a script')
          .epilogue(exitCodes({ 0: 'the content and the config are valid', 1: 'problems found, each with file, line, column and field', 2: USAGE_MISTAKE })),
      async (args) => {
        const { validate } = await import('./commands/validate.js');
        code = validate(String(args.content), io, args.json === true, args.config as string | undefined);
      },
    )
    .command(
      'build',
      'Build the kit\'s PDFs into <out>/<lang>/',
      (y: Argv) =>
        buildOptions(y)
          .option('strict', { type: 'boolean', default: false, describe: 'Fail when a translation is missing or stale, instead of printing Danish with a warning (--fail-on missing,stale)' })
          .option('fail-on', { type: 'string', describe: 'Fail on these translation problems, comma-separated: missing, stale (broken placeholders always fail)' })
          .option('force', { type: 'boolean', default: false, describe: 'Rebuild every document, even those whose inputs did not change' })
          .option('jobs', { type: 'number', describe: 'Threads that render at once (default: 1 on 2 cores; with more cores, one per core beyond the second, up to 4, for builds of three or more languages)' })
          .option('timings', { type: 'boolean', default: false, describe: 'Print where the time went: each step of the build, and compose and render time per PDF' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but warnings and errors' })
          .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON (built files and the manifest), for scripts' })
          .strict()
          .example('$0 build', 'Build the Danish kit into out/da/')
          .example('$0 build --only cards --card-size a7 --duplex short', 'Only the card deck, A7 cards, for a printer that flips on the short edge')
          .example('$0 build --only cards --imposition single --bleed 3', 'One card per page with TrimBox/BleedBox, for a print shop')
          .example('$0 build --only cards --printer-margin 6', 'Card sheets for a printer that cannot print the outer 6 mm')
          .example('$0 build --force --timings', 'Rebuild everything and show which steps took the time')
          .example('$0 build --json > build.json', 'The built files and the manifest as JSON, for a script')
          .epilogue(exitCodes({ 0: 'built, or nothing had changed', 1: INPUT_PROBLEM, 2: USAGE_MISTAKE })),
      async (args) => {
        const { runBuild } = await import('./commands/build.js');
        code = await runBuild(args as unknown as BuildArgs, io);
      },
    )
    .command(
      'watch',
      'Build, then rebuild what changes when content, translations, layouts or the config change',
      (y: Argv) =>
        buildOptions(y)
          .option('json', { type: 'boolean', default: false, describe: 'Print one line of JSON per rebuild (JSON Lines), for a script' })
          .strict()
          .example('$0 watch', 'Keep out/da/ up to date while you edit content/')
          .example('$0 watch --only cards --lang da,en', 'Only the card deck, in Danish and English')
          .epilogue(exitCodes({ 0: 'stopped with Ctrl-C (problems in the content are printed, and watching goes on)', 2: USAGE_MISTAKE })),
      async (args) => {
        const { runWatch } = await import('./commands/watch.js');
        code = await runWatch(args as unknown as BuildArgs, io);
      },
    )
    .command(
      'list',
      'Print the documents and languages a build with the same options would make',
      (y: Argv) =>
        buildOptions(y)
          .option('json', { type: 'boolean', default: false, describe: 'Print the list as JSON' })
          .strict()
          .example('$0 list', 'The Danish kit')
          .example('$0 list --lang da,en --only cards,guide', 'What a build of the deck and guide in two languages writes')
          .example('$0 list --json', 'The same as JSON, with each file\'s language, kind and document')
          .epilogue(exitCodes({ 0: 'listed', 1: INPUT_PROBLEM, 2: USAGE_MISTAKE })),
      async (args) => {
        const { runList } = await import('./commands/list.js');
        code = runList(args as unknown as BuildArgs, io);
      },
    )
    .command('i18n', 'Translation tools: status and extract', (y: Argv) =>
      y
        .command(
          'status',
          'Show per language how much is translated, and what is missing, stale or extra',
          (s: Argv) =>
            s
              .option('lang', { type: 'string', describe: 'Languages to check, comma-separated (default: every folder in content/locales/)' })
              .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when anything is missing, stale or has wrong placeholders (--fail-on placeholders,missing,stale)' })
              .option('fail-on', { type: 'string', describe: 'Exit 1 on these, comma-separated: placeholders, missing, stale (placeholders always fail)' })
              .option('json', { type: 'boolean', default: false, describe: 'Print the status as JSON (schemas/i18n-status.schema.json)' })
              .strict()
              .example('$0 i18n status', 'Every translation')
              .example('$0 i18n status --lang en --strict', 'Fail (exit 1) unless English is complete')
              .example('$0 i18n status --fail-on placeholders,stale --json', 'For CI: fail on broken placeholders and stale keys, allow missing ones')
              .epilogue(exitCodes({ 0: 'reported', 1: 'a translation fails a check of --fail-on (--strict: any; broken placeholders always); or a problem in the content', 2: USAGE_MISTAKE })),
          async (args) => {
            const { runStatus } = await import('./commands/i18n.js');
            code = runStatus(args as unknown as { content: string; lang?: string; strict: boolean; 'fail-on'?: string; json: boolean }, io);
          },
        )
        .command(
          'extract',
          'Create or update a language\'s translation files with every source key, keeping existing translations',
          (s: Argv) =>
            s
              .option('lang', { type: 'string', demandOption: true, describe: 'Language to create or update, e.g. sv' })
              .option('json', { type: 'boolean', default: false, describe: 'Print the files written and the counts as JSON' })
              .strict()
              .example('$0 i18n extract --lang sv', 'Start a Swedish translation in content/locales/sv/')
              .example('$0 i18n extract --lang en,sv --json', 'Update two languages; the counts as JSON')
              .epilogue(exitCodes({ 0: 'written', 1: INPUT_PROBLEM, 2: 'a mistake on the command line, or no content/ folder of your own' })),
          async (args) => {
            const { runExtract } = await import('./commands/i18n.js');
            code = runExtract(args as unknown as { content: string; lang: string; json: boolean }, io);
          },
        )
        .example('$0 i18n status', 'How much of each translation is done')
        .example('$0 i18n extract --lang sv', 'Start a Swedish translation')
        .epilogue(exitCodes({ 0: 'done', 1: INPUT_PROBLEM, 2: USAGE_MISTAKE }))
        .demandCommand(1, `Name an i18n command: ${I18N_COMMANDS.join(' or ')}.`),
    )
    .example('$0 build', "Build the Danish kit into out/ (from content/ here, else kernekit's own kit)")
    .example('$0 init mit-kit --copy content,layouts', "Start your organisation's own kit in mit-kit/")
    .example('$0 build --lang da,en --only cards,handout', 'The card deck and the handout in Danish and English')
    .example('$0 validate', 'Check the content and count what it holds')
    .example('$0 <command> --help', "A command's options, examples and exit codes")
    .epilogue(exitCodes({ 0: 'done', 1: INPUT_PROBLEM, 2: USAGE_MISTAKE }))
    .demandCommand(1, `Name a command: ${COMMANDS.join(', ')}.`)
    .strict()
    .help()
    .alias('h', 'help')
    .version(version)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      // Throwing stops yargs from running the command after a usage error. yargs wraps what
      // an option's coerce throws in its own YError: that is a command-line mistake too.
      throw err && err.name !== 'YError' ? err : new UsageError(msg ?? err.message);
    })
    .showHelpOnFail(false)
    .middleware(singleValues, true);
  skipEagerHelp(parser);

  try {
    await parser.parseAsync();
  } catch (err) {
    return reportError(err, io, asJson);
  }
  return code;
}

/**
 * A command line that yargs refuses never reaches its command, which would have printed the
 * failure as JSON: whether --json was asked for is read from the words themselves (the last
 * of --json, --json=…, --no-json wins, as in yargs), and so is the command they name.
 */
function jsonReport(argv: string[]): JsonReport | undefined {
  const flag = argv.filter((a) => /^--(no-)?json(=|$)/.test(a)).pop();
  if (flag === undefined || flag === '--no-json' || flag === '--json=false') return undefined;
  const [first, second] = argv;
  const command = (COMMANDS as readonly string[]).includes(first ?? '') ? first! : null;
  return { command: command === 'i18n' && (I18N_COMMANDS as readonly string[]).includes(second ?? '') ? `i18n ${second}` : command };
}

/**
 * `--card-size -5x10` and `--bleed -3` as the user meant them: yargs reads a value that
 * starts with a dash and a digit as the short flags -5, -x …, and then complains of
 * "Unknown arguments: 5, x". Attached with `=`, it is the option's value, which the option
 * itself then judges.
 */
function dashValuesAttached(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [arg, next] = [argv[i]!, argv[i + 1]];
    if (/^--[a-z][\w-]*$/.test(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** No option of kernekit is a list of repeated options: an option given twice would otherwise reach a command as an array. */
function singleValues(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    // yargs also lists each option under its camelCase name (cardSize for card-size): reported once.
    if (name === '_' || !Array.isArray(value) || /[A-Z]/.test(name)) continue;
    const values = [...new Set(value.map(String))];
    const hint = name === 'lang' || name === 'only' ? `; list several values with commas, e.g. --${name} ${values.join(',')}` : '';
    throw new UsageError(`--${name} is given more than once (${values.join(', ')}). Give it once${hint}.`);
  }
}

/**
 * Before running a command, yargs lays out the whole help text (about 60 ms), in case a
 * failure shows it; kernekit never shows help on failure (showHelpOnFail(false) and its own
 * fail handler), and --help still lays it out when asked. yargs has no option for this, so
 * its usage object's caching step is turned into a no-op.
 */
function skipEagerHelp(parser: Argv): void {
  const usage = (parser as unknown as { getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => {};
}
