import { host } from '../host/host.js';
import { allActors, type Category, type Kit } from './model.js';
import { deckParts, type DeckPart } from './families.js';

export type CardKind = 'perspective' | 'route' | 'question' | 'reflection' | 'dialogue' | 'misunderstanding';

/** One card of the question deck, by reference: texts are looked up later, per language. */
export interface CardSpec {
  /** The content item's id; also the card's translation key root. */
  id: string;
  kind: CardKind;
  category: Category;
  /** Short, printed number: category code and a tag derived from the id, so reordering content never renumbers a card. */
  number: string;
}

/** Every card the kit makes of the given parts (all by default), in deck order: exercises, checklist actors, misunderstandings. */
export function deckCards(kit: Kit, parts: readonly DeckPart[] = deckParts): CardSpec[] {
  const cards: CardSpec[] = [];
  const add = (id: string, kind: CardKind, categoryId: string) => {
    const category = kit.categories.get(categoryId)!;
    cards.push({ id, kind, category, number: `${category.code}-${idTag(id)}` });
  };
  const part = (p: DeckPart) => parts.includes(p);
  for (const e of part('exercises') ? kit.exercises : []) {
    for (const p of e.perspectives ?? []) add(p.id, 'perspective', e.id);
    for (const r of e.routes ?? []) add(r.id, 'route', e.id);
    for (const q of e.questions) add(q.id, 'question', e.id);
  }
  for (const a of part('actors') ? allActors(kit) : []) {
    for (const q of a.reflection) add(q.id, 'reflection', a.id);
    for (const q of a.dialogue) add(q.id, 'dialogue', a.id);
  }
  for (const m of part('misunderstandings') ? kit.misunderstandings.items : []) add(m.id, 'misunderstanding', kit.misunderstandings.id);
  return cards;
}

/** Letters and digits that cannot be misread for one another on paper (no 0/O, 1/I/L). */
const TAG_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A three-character tag from the id: stable, short enough to read out on the phone. */
export function idTag(id: string): string {
  const digest = host.sha256(id);
  let n = new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
  let tag = '';
  for (let i = 0; i < 3; i++) {
    tag += TAG_ALPHABET[n % TAG_ALPHABET.length];
    n = Math.floor(n / TAG_ALPHABET.length);
  }
  return tag;
}
