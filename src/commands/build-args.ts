import type { Argv } from 'yargs';
import { CONFIG_FILE } from '../config/file.js';
import { deckParts, documentFamilies } from '../content/families.js';
import { UsageError } from '../content/problems.js';
import { PARTICIPANTS_RANGE } from '../plan/tailoring.js';
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
    .option('bleed', { type: 'string', default: 3, coerce: millimetres('bleed'), describe: 'Bleed around each card in mm (0–10)' })
    .option('imposition', { type: 'string', default: 'sheet', choices: ['sheet', 'single'], describe: 'sheet: cards on office paper with cut lines; single: one card per page for a print shop' })
    .option('printer-margin', { type: 'string', coerce: millimetres('printer-margin'), describe: `Card sheets: the printer's unprintable margin in mm (0–20); no card, bleed or cut line comes closer to the paper's edge (default: ${DEFAULTS.printerMargin})` })
    .option('backs', { type: 'string', choices: ['light', 'full'], describe: 'Card backs: light (white with a coloured band, little ink; default for --imposition sheet) or full (full colour; default for --imposition single)' })
    .option('crop-marks', { type: 'boolean', default: false, describe: 'With --imposition single: crop marks outside the bleed, on a page that grows to hold them' })
    .option('categories', { type: 'string', describe: `Card deck: only these parts of it, comma-separated: ${deckParts.join(', ')} (default: all)` })
    .option('poster', { type: 'string', default: 'a3', choices: POSTER_CHOICES, describe: 'Paper of the 360° poster; its type grows with the paper (a1 reads from two metres)' })
    // Strings, not numbers, so an error can quote exactly what the user typed.
    .option('participants', { type: 'string', describe: `Facilitator guide: people at the meeting (${PARTICIPANTS_RANGE.min}–${PARTICIPANTS_RANGE.max}); the materials lists count the copies to print` })
    .option('groups', { type: 'string', describe: 'Facilitator guide: number of groups (1 up to --participants); the materials lists count the copies to print' })
    .option('start', { type: 'string', describe: 'Facilitator guide: start time as HH:MM; the plans show clock times such as 13:00–13:10' });
}

/**
 * A length in millimetres as the user typed it: yargs reads an empty or blank value of a
 * number option as 0, so --bleed '' would quietly print without bleed. The range is the
 * build's to judge; an option given twice, singleValues'.
 */
function millimetres(option: string) {
  return (value: unknown): unknown => {
    if (Array.isArray(value) || typeof value === 'number') return value;
    const text = String(value);
    if (/^\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*$/.test(text)) return Number(text);
    throw new UsageError(`--${option} ${JSON.stringify(text)} is not a number. Give millimetres, e.g. --${option} ${option === 'bleed' ? 3 : DEFAULTS.printerMargin}.`);
  };
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
  'crop-marks'?: boolean;
  categories?: string;
  participants?: string;
  groups?: string;
  start?: string;
}

export function list(value: string, option: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${option} needs at least one value.`);
  return [...new Set(items)];
}

