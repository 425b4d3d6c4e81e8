import { allActors } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';

export type GroupKind = 'reflection' | 'dialogue';

/** One actor of the 360° checklist as the sheets, the wheel and the poster print it. */
export interface ActorView {
  id: string;
  code: string;
  name: string;
  colour: string;
  /** Reflection and dialogue questions together. */
  count: number;
  /** Only groups that have questions: the centre has no dialogue, so it gets no dialogue heading. */
  groups: Array<{ kind: GroupKind; questions: Array<{ id: string; text: string }> }>;
}

/** The centre first, then the actors around it in wheel order. */
export function actorViews(loc: Localization): ActorView[] {
  return allActors(loc.kit).map((actor) => {
    const groups = (['reflection', 'dialogue'] as const)
      .map((kind) => ({ kind, questions: actor[kind].map(({ id, text }) => ({ id, text })) }))
      .filter((g) => g.questions.length > 0);
    return {
      id: actor.id,
      code: actor.code,
      name: actor.name,
      colour: loc.kit.categories.get(actor.id)!.colour,
      count: groups.reduce((n, g) => n + g.questions.length, 0),
      groups,
    };
  });
}
