import type { Localization } from '../../i18n/translator.js';
import { meeting } from '../../plan/meeting.js';
import { DECK_FILE, deckSheets } from '../cards/index.js';
import { cardViews } from '../cards/views.js';
import type { BuildOptions } from '../family.js';
import type { PrintCounts } from '../guide/plan-view.js';
import { packCardViews } from './cards.js';
import { PACK_CARDS_FILE, PACK_PAPER_FILE } from './files.js';
import { paperPlan } from './paper-plan.js';

/**
 * The pages and sheets of the files the guide's materials lists name, counted by the very
 * functions that lay those files out: the paper plan, and the deck's office imposition for
 * the whole deck and the pack's cards. The print shop's one card a page has no sheets to count.
 */
export function printCounts(loc: Localization, options: BuildOptions): PrintCounts {
  const onSheets = options.imposition === 'sheet';
  const deck = cardViews(loc, options.deckParts);
  const tailoring = options.tailoring ?? {};
  let pack: PrintCounts['pack'] = null;
  if (tailoring.groups !== undefined) {
    const paper = paperPlan(loc, options);
    const cards = deckSheets(options, packCardViews(loc, meeting(loc.kit.exercises, tailoring)));
    pack = { paper: { file: PACK_PAPER_FILE, pages: paper.pages, sheets: paper.sheets }, cards: onSheets ? { file: PACK_CARDS_FILE, pages: cards.pages, sheets: cards.sheets } : null };
  }
  const whole = deckSheets(options, deck);
  return { pack, deck: onSheets ? { file: DECK_FILE, cards: deck.length, pages: whole.pages, sheets: whole.sheets } : null };
}
