import { meeting } from '../../plan/meeting.js';
import { attribution } from '../attribution.js';
import { deckPages } from '../cards/index.js';
import { cardInputs } from '../inputs.js';
import type { Family } from '../family.js';
import { pdfMeta } from '../meta.js';
import { packCardViews } from './cards.js';
import { PACK_CARDS_FILE, PACK_PAPER_FILE } from './files.js';
import { paperDocument } from './paper.js';

export { PACK_CARDS_FILE, PACK_PAPER_FILE };

/**
 * The meeting's print pack: what to print for one meeting, once, at 100 %. Made when the
 * facilitator says how many groups there are (--groups); the whole deck stays as it is.
 */
export const pack: Family = {
  id: 'pack',
  files: () => [PACK_CARDS_FILE, PACK_PAPER_FILE],
  inputs: (kit, tailoring) =>
    tailoring?.groups === undefined
      ? {}
      : {
          [PACK_CARDS_FILE]: { cards: cardInputs(kit), meeting: tailoring },
          // The run sheet, the worksheets and the handout: the guide's and their own inputs.
          [PACK_PAPER_FILE]: { ...kit, categories: [...kit.categories.values()], meeting: tailoring },
        },
  compose(loc, options) {
    const views = packCardViews(loc, meeting(loc.kit.exercises, options.tailoring ?? {}));
    const title = loc.t('pack.cards.title');
    const meta = pdfMeta(loc, options, title, loc.t('pack.cards.subject', { count: views.length, kit: loc.kit.meta.title }));
    const pdf = deckPages(loc, options, views, PACK_CARDS_FILE);
    const edition = { layout: 'deck.hbs', view: { title, cards: views }, attribution: attribution(loc, views.map((v) => v.origin)) };
    return [{ family: 'pack', file: PACK_CARDS_FILE, title, pdf: { meta, ...pdf }, edition }, paperDocument(loc, options)];
  },
};
