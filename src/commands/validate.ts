import { resolve } from 'node:path';
import { deckCards } from '../content/deck.js';
import { loadContent } from '../content/load.js';
import { allActors, checklistQuestionCount } from '../content/model.js';
import { formatProblem, InputError } from '../content/problems.js';
import { reportError, type Io } from '../cli.js';
import { printJson } from '../json-output.js';

export function validate(contentDir: string, io: Io, json = false): number {
  try {
    const { kit, warnings } = loadContent(contentDir);
    for (const w of warnings) io.err(`warning: ${formatProblem(w)}`);
    const counts = {
      exercises: kit.exercises.length,
      misunderstandings: kit.misunderstandings.items.length,
      actors: allActors(kit).length,
      checklistQuestions: checklistQuestionCount(kit),
      cards: deckCards(kit).length,
    };
    if (json) {
      printJson(io, 'validate', { content: resolve(contentDir), valid: true, counts, problems: [] });
      return 0;
    }
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    io.out(
      [
        plural(counts.exercises, 'exercise', 'exercises'),
        plural(counts.misunderstandings, 'misunderstanding', 'misunderstandings'),
        plural(counts.actors, 'actor', 'actors'),
        plural(counts.checklistQuestions, 'checklist question', 'checklist questions'),
      ].join(', ') + ` → ${plural(counts.cards, 'card', 'cards')} in the deck.`,
    );
    return 0;
  } catch (err) {
    // For a script, the problems are the answer: the same fields as the text lines, and still exit 1.
    if (json && err instanceof InputError) {
      printJson(io, 'validate', { content: resolve(contentDir), valid: false, counts: null, problems: err.problems });
      return 1;
    }
    return reportError(err, io);
  }
}
