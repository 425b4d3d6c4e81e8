import type { DocumentFamily } from '../content/model.js';
import { UsageError } from '../content/problems.js';
import { deckParts, documentFamilies, inDeckOrder } from '../content/families.js';
import type { BuildRequest } from '../driver/build.js';
import type { Duplex } from '../print/imposition.js';
import { parseCardSize, type PaperName, type PosterName } from '../print/paper.js';
import type { Tailoring } from '../plan/tailoring.js';
import { meetingRequest } from './meeting-options.js';
import { version } from '../version.js';
import { branding, loadConfig } from '../config/load.js';
import { fontChoice } from '../config/font-choice.js';
import { hasTranslation, languageOption, noTranslation } from '../i18n/language-code.js';
import { DEFAULTS, list, type RawBuildArgs } from './build-args.js';

export { list, type RawBuildArgs } from './build-args.js';

/**
 * Checks the command-line values and turns them into a build request, or says what is
 * wrong. Command line beats config file beats built-in default.
 */
export function buildRequest(args: RawBuildArgs, meeting: Tailoring | undefined = meetingRequest(args)): BuildRequest {
  const config = loadConfig(args.config, args.content);
  const fonts = fontChoice(config);
  const languages = args.lang === undefined ? [...new Set(config?.languages ?? [DEFAULTS.lang])] : languageOption(args.lang);
  // Without its folder a language would be printed as a Danish kit under its name.
  for (const l of languages) if (!hasTranslation(args.content, l)) throw new UsageError(`--lang ${noTranslation(args.content, l)}`);
  const cardSize = args['card-size'] ?? config?.cardSize ?? DEFAULTS.cardSize;
  const known: readonly string[] = documentFamilies;
  const only = args.only === undefined ? known : list(args.only, 'only');
  for (const f of only) {
    if (!known.includes(f as DocumentFamily)) throw new UsageError(`--only "${f}" is not a document family. Choose from: ${known.join(', ')}.`);
  }
  if (!Number.isFinite(args.bleed) || args.bleed < 0 || args.bleed > 10) {
    throw new UsageError(`--bleed ${String(args.bleed)} is out of range. Give millimetres from 0 to 10; 3 is usual.`);
  }
  const printerMargin = args['printer-margin'] ?? DEFAULTS.printerMargin;
  if (!Number.isFinite(printerMargin) || printerMargin < 0 || printerMargin > 20) {
    throw new UsageError(`--printer-margin ${String(args['printer-margin'])} is out of range. Give the printer's unprintable margin in millimetres from 0 to 20; 4.2 suits most office printers.`);
  }
  const imposition = args.imposition as 'sheet' | 'single';
  if (args['crop-marks'] && imposition !== 'single') {
    throw new UsageError('--crop-marks is for the print shop\'s file: add --imposition single. Office sheets (--imposition sheet) always carry their cut lines.');
  }
  const parts = args.categories === undefined ? undefined : list(args.categories, 'categories');
  for (const p of parts ?? []) {
    if (!(deckParts as readonly string[]).includes(p)) throw new UsageError(`--categories "${p}" is not a part of the card deck. Choose from: ${deckParts.join(', ')}.`);
  }
  return {
    contentDir: args.content,
    outDir: args.out,
    languages,
    only: only as DocumentFamily[],
    options: {
      paper: (args.paper as PaperName | undefined) ?? config?.paper ?? DEFAULTS.paper,
      card: parseCardSize(cardSize),
      cardSizeName: cardSize,
      duplex: args.duplex as Duplex,
      bleed: args.bleed,
      imposition,
      printerMargin,
      // Office sheets print many backs on a desk printer; a print shop gets the full design.
      backs: (args.backs as 'light' | 'full' | undefined) ?? (imposition === 'sheet' ? 'light' : 'full'),
      poster: (args.poster ?? 'a3') as PosterName,
      ...(args.tile ? { tile: args.tile as PaperName } : {}),
      cropMarks: args['crop-marks'] === true,
      ...(parts ? { deckParts: inDeckOrder(parts) } : {}),
      version,
      tailoring: meeting,
      branding: branding(config),
      ...(fonts ? { fonts } : {}),
    },
  };
}
