import type { Argv } from 'yargs';
import { CONFIG_FILE } from '../config/file.js';
import { deckParts, documentFamilies } from '../content/families.js';
import { UsageError } from '../content/problems.js';
import { BREAK_RANGE, LENGTH_RANGE, PARTICIPANTS_RANGE } from '../plan/tailoring.js';
import { PAPER_CHOICES, POSTER_CHOICES, type PaperName } from '../print/paper.js';

// The command line's options, cheap to load: the CLI parses with these before any command
// loads the schema library, the config reader or the renderer.

/** What a build uses when neither the command line nor the config file says. */
export const DEFAULTS = { lang: 'da', paper: 'a4' as PaperName, cardSize: 'poker', printerMargin: 4.2 };

/** --config, which validate reads too. */
export const CONFIG_OPTION = { type: 'string', describe: `Branding and defaults file (default: ${CONFIG_FILE} in the current folder, if there is one)` } as const;

/** The options `build` (and later `list` and `watch`) share, with their help texts. */
export function buildOptions<T>(y: Argv<T>) {
  return y
    // No yargs defaults for --lang, --paper and --card-size: a value absent on the command line falls back to the config file first.
    .option('config', CONFIG_OPTION)
    .option('lang', { type: 'string', describe: `Languages to build, comma-separated, e.g. da,en (default: the config's languages, else ${DEFAULTS.lang})` })
    .option('out', { type: 'string', default: 'out', describe: 'Output folder; each language goes into <out>/<lang>/' })
    .option('only', { type: 'string', describe: `Build only these document families, comma-separated: ${documentFamilies.join(', ')}` })
    .option('paper', { type: 'string', choices: PAPER_CHOICES, describe: `Paper size of the office printer (default: the config's paper, else ${DEFAULTS.paper})` })
    .option('card-size', { type: 'string', describe: `Card size: poker (63×88 mm), a7, a6, or WxH in mm such as 70x100 (default: the config's cardSize, else ${DEFAULTS.cardSize})` })
    .option('duplex', { type: 'string', default: 'long', choices: ['long', 'short', 'none'], describe: 'How the printer flips the sheet for the card backs' })
    .option('bleed', { type: 'number', default: 3, describe: 'Bleed around each card in mm (0–10)' })
    .option('imposition', { type: 'string', default: 'sheet', choices: ['sheet', 'single'], describe: 'sheet: cards on office paper with cut lines; single: one card per page for a print shop' })
    .option('printer-margin', { type: 'number', describe: `Card sheets: the printer's unprintable margin in mm (0–20); no card, bleed or cut line comes closer to the paper's edge (default: ${DEFAULTS.printerMargin})` })
    .option('backs', { type: 'string', choices: ['light', 'full'], describe: 'Card backs: light (white with a coloured band, little ink; default for --imposition sheet) or full (full colour; default for --imposition single)' })
    .option('crop-marks', { type: 'boolean', default: false, describe: 'With --imposition single: crop marks outside the bleed, on a page that grows to hold them' })
    .option('categories', { type: 'string', describe: `Card deck: only these parts of it, comma-separated: ${deckParts.join(', ')} (default: all)` })
    .option('poster', { type: 'string', default: 'a3', choices: POSTER_CHOICES, describe: 'Paper of the 360° poster; its type grows with the paper (a1 reads from two metres)' })
    .option('tile', { type: 'string', choices: PAPER_CHOICES, describe: 'Print the poster in parts on office paper to glue together: A3 on two sheets, A2 on four, A1 on eight, with a sheet showing how' })
    // Strings, not numbers, so an error can quote exactly what the user typed.
    .option('participants', { type: 'string', describe: `Facilitator guide: people at the meeting (${PARTICIPANTS_RANGE.min}–${PARTICIPANTS_RANGE.max}); the materials lists count the copies to print` })
    .option('groups', { type: 'string', describe: 'Facilitator guide: number of groups (1 up to --participants); the materials lists count the copies to print' })
    .option('start', { type: 'string', describe: 'Facilitator guide: start time as HH:MM; the plans show clock times such as 13:00–13:10' })
    .option('exercises', { type: 'string', describe: 'Facilitator guide: the exercises of the meeting in the order you hold them, by number or code, e.g. 1,3 or Ø3,Ø1 (default: all)' })
    .option('break', { type: 'string', describe: `Facilitator guide: minutes of break between exercises (${BREAK_RANGE.min}–${BREAK_RANGE.max}, default 0)` })
    .option('minutes', { type: 'string', describe: `Facilitator guide: how long the meeting is, in minutes (${LENGTH_RANGE.min}–${LENGTH_RANGE.max}); the plan warns when the exercises do not fit` });
}

export interface RawBuildArgs {
  content: string;
  config?: string;
  lang?: string;
  out: string;
  only?: string;
  paper?: string;
  'card-size'?: string;
  duplex: string;
  bleed: number;
  imposition: string;
  'printer-margin'?: number;
  backs?: string;
  poster?: string;
  tile?: string;
  'crop-marks'?: boolean;
  categories?: string;
  participants?: string;
  groups?: string;
  start?: string;
  exercises?: string;
  break?: string;
  minutes?: string;
}

export function list(value: string, option: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${option} needs at least one value.`);
  return [...new Set(items)];
}

