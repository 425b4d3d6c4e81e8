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

/** One option of a build: its yargs declaration, and whether another value of it may write other files. */
interface OptionSpec {
  type: 'string' | 'number' | 'boolean';
  describe: string;
  default?: string | number | boolean;
  choices?: readonly string[];
  coerce?: (value: unknown) => number;
  /**
   * Part of the source key: a build given another value is never "up to date". Not --config
   * (it counts by what it holds), nor --out (it changes nothing written).
   */
  shapes: boolean;
}

/**
 * The build request's options, once, in its four parts: the source of the yargs options (and
 * the help's sections), of the options that shape a build, and of RawBuildArgs. The meeting's
 * options shape only the guide (Family.inputs); the planner page's form has the same fields
 * (MEETING_FIELDS).
 */
export const BUILD_REQUEST = {
  output: {
    // No yargs defaults for --lang, --paper and --card-size: a value absent on the command line falls back to the config file first.
    lang: { type: 'string', shapes: true, describe: `Languages to build, comma-separated, e.g. da,en (default: the config's languages, else ${DEFAULTS.lang})` },
    out: { type: 'string', shapes: false, default: 'out', describe: 'Output folder; each language goes into <out>/<lang>/' },
    only: { type: 'string', shapes: true, describe: `Build only these document families, comma-separated: ${documentFamilies.join(', ')}` },
  },
  branding: {
    config: { ...CONFIG_OPTION, shapes: false },
  },
  print: {
    paper: { type: 'string', shapes: true, choices: PAPER_CHOICES, describe: `Paper size of the office printer (default: the config's paper, else ${DEFAULTS.paper})` },
    'card-size': { type: 'string', shapes: true, describe: `Card size: poker (63×88 mm), a7, a6, or WxH in mm such as 70x100 (default: the config's cardSize, else ${DEFAULTS.cardSize})` },
    duplex: { type: 'string', shapes: true, default: 'long', choices: ['long', 'short', 'none'], describe: 'How the printer flips the sheet for the card backs' },
    bleed: { type: 'string', shapes: true, default: 3, coerce: millimetres('bleed'), describe: 'Bleed around each card in mm (0–10)' },
    imposition: { type: 'string', shapes: true, default: 'sheet', choices: ['sheet', 'single'], describe: 'sheet: cards on office paper with cut lines; single: one card per page for a print shop' },
    'printer-margin': { type: 'string', shapes: true, coerce: millimetres('printer-margin'), describe: `Card sheets: the printer's unprintable margin in mm (0–20); no card, bleed or cut line comes closer to the paper's edge (default: ${DEFAULTS.printerMargin})` },
    backs: { type: 'string', shapes: true, choices: ['light', 'full'], describe: 'Card backs: light (white with a coloured band, little ink; default for --imposition sheet) or full (full colour; default for --imposition single)' },
    'crop-marks': { type: 'boolean', shapes: true, default: false, describe: 'With --imposition single: crop marks outside the bleed, on a page that grows to hold them' },
    categories: { type: 'string', shapes: true, describe: `Card deck: only these parts of it, comma-separated: ${deckParts.join(', ')} (default: all)` },
    poster: { type: 'string', shapes: true, default: 'a3', choices: POSTER_CHOICES, describe: 'Paper of the 360° poster; its type grows with the paper (a1 reads from two metres)' },
    tile: { type: 'string', shapes: true, choices: PAPER_CHOICES, describe: 'Print the poster in parts on office paper to glue together: A3 on two sheets, A2 on four, A1 on eight, with a sheet showing how' },
  },
  // Strings, not numbers, so an error can quote exactly what the user typed.
  meeting: {
    exercises: { type: 'string', shapes: true, describe: 'Facilitator guide: the exercises of the meeting in the order you hold them, by number or code, e.g. 1,3 or Ø3,Ø1 (default: all)' },
    participants: { type: 'string', shapes: true, describe: `Facilitator guide: people at the meeting (${PARTICIPANTS_RANGE.min}–${PARTICIPANTS_RANGE.max}); the materials lists count the copies to print, the group tables the people in each group` },
    groups: { type: 'string', shapes: true, describe: 'Facilitator guide: number of groups (1 up to --participants); each exercise that splits into groups gets a table of who works on what' },
    start: { type: 'string', shapes: true, describe: 'Facilitator guide: start time as HH:MM; the plans and the run sheet show clock times such as 13:00–13:10' },
    break: { type: 'string', shapes: true, describe: `Facilitator guide: minutes of break between exercises (${BREAK_RANGE.min}–${BREAK_RANGE.max}, default 0)` },
    minutes: { type: 'string', shapes: true, describe: `Facilitator guide: how long the meeting is, in minutes (${LENGTH_RANGE.min}–${LENGTH_RANGE.max}); the run sheet and the build warn when the exercises do not fit` },
  },
} as const satisfies Record<string, Record<string, OptionSpec>>;

type RequestPart = keyof typeof BUILD_REQUEST;

/** The help's section of each part. */
const PART_TITLES: Record<RequestPart, string> = {
  output: 'Output:',
  branding: 'Branding:',
  print: 'Print:',
  meeting: 'Meeting (facilitator guide):',
};

/** The options `build`, `watch` and `list` share, with their help texts, in the help's sections. */
export function buildOptions<T>(y: Argv<T>): Argv<T> {
  let out = y;
  for (const [part, options] of Object.entries(BUILD_REQUEST) as Array<[RequestPart, Record<string, OptionSpec>]>) {
    for (const [name, { shapes: _, ...option }] of Object.entries(options)) out = out.option(name, option);
    out = out.group(Object.keys(options), PART_TITLES[part]);
  }
  return out;
}

/**
 * A length in millimetres as the user typed it: yargs reads an empty or blank value of a
 * number option as 0, so --bleed '' would quietly print without bleed. The range is the
 * build's to judge; an option given twice, singleValues'.
 */
function millimetres(option: string) {
  // An array (the option given twice) passes through for singleValues to refuse.
  return (value: unknown): number => {
    if (Array.isArray(value) || typeof value === 'number') return value as number;
    const text = String(value);
    if (/^\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*$/.test(text)) return Number(text);
    throw new UsageError(`--${option} ${JSON.stringify(text)} is not a number. Give millimetres, e.g. --${option} ${option === 'bleed' ? 3 : DEFAULTS.printerMargin}.`);
  };
}

/** The build options another value of which may write other files (see OptionSpec.shapes). */
export const SHAPING_BUILD_OPTIONS = Object.values(BUILD_REQUEST).flatMap((options) => Object.entries(options as Record<string, OptionSpec>).filter(([, o]) => o.shapes).map(([name]) => name as ShapingOption));

type Flat = UnionToIntersection<(typeof BUILD_REQUEST)[RequestPart]>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ShapingOption = { [K in keyof Flat]: Flat[K] extends { shapes: true } ? K : never }[keyof Flat];
type ValueOf<S> = S extends { coerce: (v: unknown) => infer R } ? R : S extends { type: 'string' } ? string : S extends { type: 'number' } ? number : boolean;

/** The options as yargs hands them over: those with a default always there. */
export type RawBuildArgs = { content: string } & { [K in keyof Flat as Flat[K] extends { default: unknown } ? K : never]: ValueOf<Flat[K]> } & {
  [K in keyof Flat as Flat[K] extends { default: unknown } ? never : K]?: ValueOf<Flat[K]>;
};

/** The build command's arguments: the request's, and those that say how to run it and what to print. */
export interface BuildArgs extends RawBuildArgs {
  strict?: boolean;
  'fail-on'?: string;
  force?: boolean;
  jobs?: number;
  quiet?: boolean;
  json?: boolean;
  timings?: boolean;
}

export function list(value: string, option: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${option} needs at least one value.`);
  return [...new Set(items)];
}
