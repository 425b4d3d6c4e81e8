import { deckCards } from '../content/deck.js';
import { loadKit } from '../content/load.js';
import { allActors, checklistQuestionCount } from '../content/model.js';
import { reportError, type Io } from '../cli.js';

export function validate(contentDir: string, io: Io): number {
  try {
    const kit = loadKit(contentDir);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    io.out(
      [
        plural(kit.exercises.length, 'exercise', 'exercises'),
        plural(kit.misunderstandings.items.length, 'misunderstanding', 'misunderstandings'),
        plural(allActors(kit).length, 'actor', 'actors'),
        plural(checklistQuestionCount(kit), 'checklist question', 'checklist questions'),
      ].join(', ') + ` → ${plural(deckCards(kit).length, 'card', 'cards')} in the deck.`,
    );
    return 0;
  } catch (err) {
    return reportError(err, io);
  }
}
