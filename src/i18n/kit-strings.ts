import type { Actor, Exercise, Item, Kit, Misunderstanding } from '../content/model.js';

/** Gives the text for a translation key; `source` is the Danish text from content/. */
export type Lookup = (key: string, source: string) => string;

/**
 * The kit with every content text replaced by `lookup(key, danish)`. Keys are built from
 * ids, never positions. The same walk also lists the Danish source strings (see
 * sourceStrings), so the key scheme exists in one place only.
 */
export function localizeKit(kit: Kit, lookup: Lookup): Kit {
  const item = (i: Item): Item => ({ ...i, text: lookup(`item.${i.id}`, i.text) });
  const question = <Q extends { id: string; text: string }>(q: Q): Q => ({ ...q, text: lookup(`item.${q.id}`, q.text) });
  const actor = (a: Actor): Actor => ({
    ...a,
    name: lookup(`actor.${a.id}.name`, a.name),
    reflection: a.reflection.map(question),
    dialogue: a.dialogue.map(question),
  });
  const opt = (key: string, value: string | undefined) => (value === undefined ? undefined : lookup(key, value));
  const exercise = (e: Exercise): Exercise => {
    const k = `exercise.${e.id}`;
    return {
      ...e,
      title: lookup(`${k}.title`, e.title),
      lead: lookup(`${k}.lead`, e.lead),
      method: opt(`${k}.method`, e.method),
      advice: opt(`${k}.advice`, e.advice),
      purpose: lookup(`${k}.purpose`, e.purpose),
      choose: lookup(`${k}.choose`, e.choose),
      followUp: lookup(`${k}.followUp`, e.followUp),
      perspectives: e.perspectives?.map(item),
      routes: e.routes?.map(item),
      questions: e.questions.map(item),
      preparation: e.preparation.map(item),
      watchFor: e.watchFor.map((w) => ({ ...w, note: lookup(`${k}.watchFor.${w.misunderstanding}`, w.note) })),
      worksheets: e.worksheets.map((w) => ({
        ...w,
        title: lookup(`worksheet.${w.id}.title`, w.title),
        task: lookup(`worksheet.${w.id}.task`, w.task),
        prompts: w.prompts.map((p) => ('ref' in p ? p : { ...p, text: lookup(`item.${p.id}`, p.text) })),
        fields: w.fields.map((f) => ({ ...f, text: lookup(`item.${f.id}`, f.text) })),
      })),
      steps: e.steps.map((s) => ({
        ...s,
        text: lookup(`step.${s.id}.text`, s.text),
        grouping: lookup(`step.${s.id}.grouping`, s.grouping),
        ...(s.facilitator ? { facilitator: { ...s.facilitator, text: lookup(`step.${s.id}.facilitator`, s.facilitator.text) } } : {}),
        materials: s.materials.map((m) => {
          const what = 'document' in m ? m.document : m.supply;
          return m.note === undefined ? m : { ...m, note: lookup(`step.${s.id}.materialNote.${what}`, m.note) };
        }),
      })),
    };
  };
  const misunderstanding = (m: Misunderstanding): Misunderstanding => {
    const k = `misunderstanding.${m.id}`;
    return {
      ...m,
      claim: lookup(`${k}.claim`, m.claim),
      truth: lookup(`${k}.truth`, m.truth),
      example: lookup(`${k}.example`, m.example),
      origin: lookup(`${k}.origin`, m.origin),
    };
  };
  const meta = kit.meta;
  return {
    ...kit,
    meta: {
      ...meta,
      title: lookup('kit.title', meta.title),
      subtitle: lookup('kit.subtitle', meta.subtitle),
      definition: lookup('kit.definition', meta.definition),
      source: {
        ...meta.source,
        short: lookup('kit.source.short', meta.source.short),
        note: lookup('kit.source.note', meta.source.note),
        publications: meta.source.publications.map((p) => ({
          ...p,
          title: lookup(`publication.${p.id}.title`, p.title),
          author: lookup(`publication.${p.id}.author`, p.author),
        })),
      },
      supplies: meta.supplies.map((s) => ({ ...s, text: lookup(`supply.${s.id}`, s.text) })),
      guide: {
        intro: meta.guide.intro.map((p) => ({ ...p, text: lookup(`guide.${p.id}`, p.text) })),
        choosing: lookup('guide.choosing', meta.guide.choosing),
        checklistUse: meta.guide.checklistUse.map((p) => ({ ...p, text: lookup(`guide.${p.id}`, p.text) })),
      },
    },
    exercises: kit.exercises.map(exercise),
    misunderstandings: { ...kit.misunderstandings, items: kit.misunderstandings.items.map(misunderstanding) },
    checklist: {
      title: lookup('checklist.title', kit.checklist.title),
      intro: lookup('checklist.intro', kit.checklist.intro),
      centre: actor(kit.checklist.centre),
      around: kit.checklist.around.map(actor),
    },
  };
}

/** Every translatable content string: key → Danish source text. */
export function sourceStrings(kit: Kit): Map<string, string> {
  const strings = new Map<string, string>();
  localizeKit(kit, (key, source) => {
    strings.set(key, source);
    return source;
  });
  return strings;
}
