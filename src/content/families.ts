/** The kit's document families and how materials are counted: plain lists, cheap to import (no schema library). */
export const documentFamilies = ['cards', 'worksheets', 'actors', 'poster', 'guide', 'handout', 'pack'] as const;
/** The parts of the card deck a build may be limited to (--categories): exercises' cards, the 360° actors' questions, the misunderstandings. */
export const deckParts = ['exercises', 'actors', 'misunderstandings'] as const;
export type DeckPart = (typeof deckParts)[number];
export const quantityBasis = ['participant', 'group', 'meeting'] as const;

/** The chosen parts in the deck's own order, so the same parts chosen in another order make the same deck. */
export function inDeckOrder(chosen: readonly unknown[]): DeckPart[] {
  return deckParts.filter((p) => chosen.includes(p));
}
