import { allActors, exerciseItems, type Item, type Kit } from '../content/model.js';
import type { Localization } from '../i18n/translator.js';

/** Whose words a text is: Fremfærd's (`seed`, printed verbatim) or the kit's own (`kit`). */
export type Origin = Item['origin'];

/**
 * The one line that says whose words a card, sheet or page carries. Fremfærd is named as the
 * source only when Fremfærd's texts are on it; where both are, Fremfærd's are the quoted ones.
 */
export function attribution(loc: Localization, origins: Iterable<Origin>): string {
  const found = new Set(origins);
  const source = loc.kit.meta.source.short;
  if (!found.has('kit')) return source;
  if (!found.has('seed')) return loc.t('document.ownText');
  return loc.t('document.mixedText', { source, quote: loc.t('guide.quote', { text: '…' }) });
}

/** A text as a page prints it where Fremfærd's and the kit's words meet: Fremfærd's in quotes. */
export function quotedIfSeed(loc: Localization, text: string, origin: Origin): string {
  return origin === 'seed' ? loc.t('guide.quote', { text }) : text;
}

/**
 * Every text a card can carry, with its origin. The 360° checklist is Fremfærd's, word for
 * word; the misunderstandings are the kit's own wording (their `origin` field says which of
 * Fremfærd's publications each one draws on, and the handout prints it).
 */
export function cardTexts(kit: Kit): Map<string, { text: string; origin: Origin }> {
  const texts = new Map<string, { text: string; origin: Origin }>();
  for (const e of kit.exercises) for (const i of exerciseItems(e)) texts.set(i.id, { text: i.text, origin: i.origin });
  for (const a of allActors(kit)) for (const q of [...a.reflection, ...a.dialogue]) texts.set(q.id, { text: q.text, origin: 'seed' });
  for (const m of kit.misunderstandings.items) texts.set(m.id, { text: m.claim, origin: 'kit' });
  return texts;
}
