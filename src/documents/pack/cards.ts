import { deckCards } from '../../content/deck.js';
import type { Localization } from '../../i18n/translator.js';
import type { Meeting, ScheduledExercise } from '../../plan/meeting.js';
import { cardViews, type CardView } from '../cards/views.js';

/**
 * The cards of one group in the meeting's exercises, in the order they are held: a group that
 * works on a perspective gets that perspective's card and the exercise's questions; every
 * other group gets the exercise's whole set. A card two exercises share is printed once.
 */
function groupCardIds(loc: Localization, exercises: readonly ScheduledExercise[], group: number): string[] {
  const ids: string[] = [];
  for (const { exercise, groups } of exercises) {
    const own = deckCards(loc.kit, ['exercises']).filter((c) => c.category.id === exercise.id);
    const row = groups?.work === 'perspectives' ? groups.rows[group - 1] : undefined;
    const taken = row ? new Set([...row.items.map((i) => i.id), ...exercise.questions.map((q) => q.id)]) : undefined;
    for (const card of own) if ((!taken || taken.has(card.id)) && !ids.includes(card.id)) ids.push(card.id);
  }
  return ids;
}

/** Every group's cards one after the other, each card naming its group; ids made unique per group for the HTML edition. */
export function packCardViews(loc: Localization, meeting: Meeting): CardView[] {
  const deck = new Map(cardViews(loc, ['exercises']).map((v) => [v.id, v]));
  const groups = meeting.groups ?? 1;
  return Array.from({ length: groups }, (_, g) =>
    groupCardIds(loc, meeting.exercises, g + 1).map((id) => ({ ...deck.get(id)!, id: `gruppe-${g + 1}-${id}`, group: loc.t('card.group', { number: loc.formatNumber(g + 1) }) })),
  ).flat();
}
