import type { Argv } from 'yargs';
import type { DocumentFamily } from '../content/model.js';
import { UsageError } from '../content/problems.js';
import { documentFamilies } from '../content/schema.js';
import type { BuildRequest } from '../publish/build.js';
import type { Duplex } from '../print/imposition.js';
import { PAPER_CHOICES, parseCardSize, type PaperName } from '../print/paper.js';
import { version } from '../version.js';

/** The options `build` (and later `list` and `watch`) share, with their help texts. */
export function buildOptions<T>(y: Argv<T>) {
  return y
    .option('lang', { type: 'string', default: 'da', describe: 'Languages to build, comma-separated (e.g. da,en)' })
    .option('out', { type: 'string', default: 'out', describe: 'Output folder; each language goes into <out>/<lang>/' })
    .option('only', { type: 'string', describe: `Build only these document families, comma-separated: ${documentFamilies.join(', ')}` })
    .option('paper', { type: 'string', default: 'a4', choices: PAPER_CHOICES, describe: 'Paper size of the office printer' })
    .option('card-size', { type: 'string', default: 'poker', describe: 'Card size: poker (63×88 mm), a7, a6, or WxH in mm such as 70x100' })
    .option('duplex', { type: 'string', default: 'long', choices: ['long', 'short', 'none'], describe: 'How the printer flips the sheet for the card backs' })
    .option('bleed', { type: 'number', default: 3, describe: 'Bleed around each card in mm (0–10)' })
    .option('imposition', { type: 'string', default: 'sheet', choices: ['sheet', 'single'], describe: 'sheet: cards on office paper with crop marks; single: one card per page for a print shop' });
}

export interface RawBuildArgs {
  content: string;
  lang: string;
  out: string;
  only?: string;
  paper: string;
  'card-size': string;
  duplex: string;
  bleed: number;
  imposition: string;
}

export function list(value: string, option: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${option} needs at least one value.`);
  return [...new Set(items)];
}

/** Checks the command-line values and turns them into a build request, or says what is wrong. */
export function buildRequest(args: RawBuildArgs): BuildRequest {
  const languages = list(args.lang, 'lang');
  for (const l of languages) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l)) throw new UsageError(`--lang "${l}" is not a language code. Use codes such as da, en, sv, kl.`);
  }
  const known: readonly string[] = documentFamilies;
  const only = args.only === undefined ? known : list(args.only, 'only');
  for (const f of only) {
    if (!known.includes(f as DocumentFamily)) throw new UsageError(`--only "${f}" is not a document family. Choose from: ${known.join(', ')}.`);
  }
  if (!Number.isFinite(args.bleed) || args.bleed < 0 || args.bleed > 10) {
    throw new UsageError(`--bleed ${String(args.bleed)} is out of range. Give millimetres from 0 to 10; 3 is usual.`);
  }
  return {
    contentDir: args.content,
    outDir: args.out,
    languages,
    only: only as DocumentFamily[],
    options: {
      paper: args.paper as PaperName,
      card: parseCardSize(args['card-size']),
      cardSizeName: args['card-size'],
      duplex: args.duplex as Duplex,
      bleed: args.bleed,
      imposition: args.imposition as 'sheet' | 'single',
      version,
    },
  };
}
