import { deckCards, type CardKind, type CardSpec } from '../../content/deck.js';
import type { DeckPart } from '../../content/families.js';
import type { Localization } from '../../i18n/translator.js';
import { attribution, cardTexts, type Origin } from '../attribution.js';

/** What a card layout receives: every text already in the build language. */
export interface CardView {
  id: string;
  number: string;
  kind: CardKind;
  kindLabel: string;
  text: string;
  origin: Origin;
  /** Whose words the card carries, as its footer and its HTML edition say it. */
  attribution: string;
  /** Only misunderstanding cards: what is true instead, printed on the back. */
  truth: string | null;
  categoryLabel: string;
  /** The category's code (`TR`, `Ø1`): tells the categories apart where colour does not, in grey-scale print. */
  code: string;
  colour: string;
  /** In a meeting's print pack, the group the card belongs to ("Gruppe 2"), so the cut pile sorts itself; null in the deck. */
  group: string | null;
}

export function cardViews(loc: Localization, parts?: readonly DeckPart[]): CardView[] {
  const kit = loc.kit;
  const texts = cardTexts(kit);
  return deckCards(kit, parts).map((card) => {
    const { text, origin } = texts.get(card.id)!;
    return {
      id: card.id,
      number: card.number,
      kind: card.kind,
      kindLabel: loc.t(`card.kind.${card.kind}`),
      text,
      origin,
      attribution: attribution(loc, [origin]),
      truth: card.kind === 'misunderstanding' ? kit.misunderstandings.items.find((m) => m.id === card.id)!.truth : null,
      categoryLabel: categoryLabel(card, loc),
      code: card.category.code,
      colour: card.category.colour,
      group: null,
    };
  });
}

function categoryLabel(card: CardSpec, loc: Localization): string {
  const kit = loc.kit;
  switch (card.category.kind) {
    case 'exercise': {
      const e = kit.exercises.find((x) => x.id === card.category.id)!;
      return loc.t('category.exercise', { number: e.number, title: e.title });
    }
    case 'actor':
      return [kit.checklist.centre, ...kit.checklist.around].find((a) => a.id === card.category.id)!.name;
    case 'misunderstandings':
      return loc.t('category.misunderstandings');
  }
}
