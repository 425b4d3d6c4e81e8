import { resolve } from 'node:path';
import { deckCards } from '../content/deck.js';
import { loadContent } from '../content/load.js';
import { loadConfig } from '../config/load.js';
import { fontChoice } from '../config/font-choice.js';
import { useFonts } from '../render/font-set.js';
import { allActors, checklistQuestionCount, type Kit } from '../content/model.js';
import { formatProblem, InputError, type Problem } from '../content/problems.js';
import { localize } from '../i18n/translator.js';
import { reviewTranslations } from '../i18n/review.js';
import { SOURCE_LANGUAGE, translatedLanguages } from '../i18n/language-code.js';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { printJson } from '../json-output.js';

/** Checks the content in `contentDir` and the config file (`--config`, else kernekit.config.yaml here when there is one), every problem of both at once. */
export function validate(contentDir: string, io: Io, json = false, configFile?: string): number {
  try {
    const problems: Problem[] = [];
    const loaded = collect(problems, () => loadContent(contentDir));
    const config = collect(problems, () => loadConfig(configFile, contentDir));
    // The texts are checked against the fonts the config adds, as a build checks them.
    useFonts(fontChoice(config ?? null));
    if (loaded) collect(problems, () => checkLanguages(loaded.kit, contentDir));
    if (problems.length > 0) throw new InputError(problems);
    const { kit, warnings } = loaded!;
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
    return reportError(err, io, json ? { command: 'validate' } : undefined);
  }
}

/** What `check` returns, or undefined with its problems added to `problems` when it rejects the input. */
function collect<T>(problems: Problem[], check: () => T): T | undefined {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...err.problems);
    return undefined;
  }
}

/** What a build checks before rendering (see reviewTranslations), for Danish and every translation. */
function checkLanguages(kit: Kit, contentDir: string): void {
  reviewTranslations(
    kit,
    contentDir,
    [SOURCE_LANGUAGE, ...translatedLanguages(contentDir)].map((language) => localize(kit, contentDir, language)),
  );
}
