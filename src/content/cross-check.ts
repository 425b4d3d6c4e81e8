import type { ParsedContent } from './parsed.js';
import { exerciseItems } from './model.js';
import { idTag } from './deck.js';
import type { Problem } from './problems.js';
import type { YamlFile } from './yaml-file.js';

interface Site {
  yaml: YamlFile;
  path: PropertyKey[];
  value: string;
}

/** Rules that span fields or files: unique ids and codes, and references that must resolve. */
export function crossCheck(p: ParsedContent): Problem[] {
  const problems: Problem[] = [];
  const ids: Site[] = [];
  const codes: Site[] = [];
  const at = (yaml: YamlFile, path: PropertyKey[], value: string): Site => ({ yaml, path, value });

  const meta = p.meta;
  meta.data.source.publications.forEach((pub, i) => ids.push(at(meta.yaml, ['source', 'publications', i, 'id'], pub.id)));
  meta.data.supplies.forEach((s, i) => ids.push(at(meta.yaml, ['supplies', i, 'id'], s.id)));
  for (const part of ['intro', 'checklistUse'] as const) {
    meta.data.guide[part].forEach((p, i) => ids.push(at(meta.yaml, ['guide', part, i, 'id'], p.id)));
  }
  const supplyIds = meta.data.supplies.map((s) => s.id);

  for (const { yaml, data: e } of p.exercises) {
    ids.push(at(yaml, ['id'], e.id));
    codes.push(at(yaml, ['code'], e.code));
    for (const list of ['perspectives', 'routes', 'questions', 'steps', 'preparation', 'worksheets'] as const) {
      (e[list] ?? []).forEach((it, i) => ids.push(at(yaml, [list, i, 'id'], it.id)));
    }
    const own = exerciseItems(e).map((i) => i.id);
    e.worksheets.forEach((w, i) => {
      if (w.focus !== undefined && !own.includes(w.focus)) problems.push(unknownRef(yaml, ['worksheets', i, 'focus'], 'perspective, route or question in this exercise', w.focus, own));
      w.prompts.forEach((p, j) => {
        if ('ref' in p) {
          if (!own.includes(p.ref)) problems.push(unknownRef(yaml, ['worksheets', i, 'prompts', j, 'ref'], 'perspective, route or question in this exercise', p.ref, own));
        } else ids.push(at(yaml, ['worksheets', i, 'prompts', j, 'id'], p.id));
      });
      w.fields.forEach((f, j) => ids.push(at(yaml, ['worksheets', i, 'fields', j, 'id'], f.id)));
    });
  }
  const m = p.misunderstandings;
  ids.push(at(m.yaml, ['id'], m.data.id));
  codes.push(at(m.yaml, ['code'], m.data.code));
  m.data.misunderstandings.forEach((it, i) => ids.push(at(m.yaml, ['misunderstandings', i, 'id'], it.id)));
  const c = p.checklist;
  c.data.actors.forEach((a, i) => {
    ids.push(at(c.yaml, ['actors', i, 'id'], a.id));
    codes.push(at(c.yaml, ['actors', i, 'code'], a.code));
    for (const group of ['reflection', 'dialogue'] as const) {
      a[group].forEach((q, j) => ids.push(at(c.yaml, ['actors', i, group, j, 'id'], q.id)));
    }
  });

  problems.push(...duplicates(ids, 'id', 'duplicate-id', 'Ids must be unique across the whole kit: translations and card numbers hang on them. Give one of them a new id.'));
  problems.push(...duplicates(codes, 'code', 'duplicate-code', 'Each category needs its own code: it starts the card numbers.'));

  // Card numbers are the category code and a tag hashed from the id: two ids of one category could meet.
  const cardNumbers: Site[] = [];
  for (const { yaml, data: e } of p.exercises) {
    for (const list of ['perspectives', 'routes', 'questions'] as const) {
      (e[list] ?? []).forEach((it, i) => cardNumbers.push(at(yaml, [list, i, 'id'], `${e.code}-${idTag(it.id)}`)));
    }
  }
  c.data.actors.forEach((a, i) => {
    for (const group of ['reflection', 'dialogue'] as const) a[group].forEach((q, j) => cardNumbers.push(at(c.yaml, ['actors', i, group, j, 'id'], `${a.code}-${idTag(q.id)}`)));
  });
  m.data.misunderstandings.forEach((it, i) => cardNumbers.push(at(m.yaml, ['misunderstandings', i, 'id'], `${m.data.code}-${idTag(it.id)}`)));
  problems.push(...duplicates(cardNumbers, 'card number', 'duplicate-card-number', 'The card number comes from the id; change this id a little (e.g. add a word) to get another number.'));

  const numbers: Site[] = p.exercises.map(({ yaml, data }) => at(yaml, ['number'], String(data.number)));
  problems.push(...duplicates(numbers, 'exercise number', 'duplicate-number', 'Give each exercise its own number.'));

  const misunderstandingIds = m.data.misunderstandings.map((x) => x.id);
  for (const { yaml, data: e } of p.exercises) {
    e.watchFor.forEach((w, i) => {
      if (!misunderstandingIds.includes(w.misunderstanding)) {
        problems.push(unknownRef(yaml, ['watchFor', i, 'misunderstanding'], 'misunderstanding', w.misunderstanding, misunderstandingIds));
      }
    });
    e.steps.forEach((s, i) =>
      s.materials.forEach((mat, j) => {
        if ('supply' in mat && !supplyIds.includes(mat.supply)) {
          problems.push(unknownRef(yaml, ['steps', i, 'materials', j, 'supply'], 'supply (in kit.yaml)', mat.supply, supplyIds));
        }
      }),
    );
  }

  const actorIds = c.data.actors.map((a) => a.id);
  if (!actorIds.includes(c.data.centre)) problems.push(unknownRef(c.yaml, ['centre'], 'actor', c.data.centre, actorIds));
  const centre = c.data.actors.find((a) => a.id === c.data.centre);
  if (centre && centre.dialogue.length > 0) {
    problems.push(c.yaml.problemAt(['actors', c.data.actors.indexOf(centre), 'dialogue'], 'The centre ("yourself") has no one to ask: leave dialogue as [].', 'centre-dialogue'));
  }

  const categoryIds = [...p.exercises.map((e) => e.data.id), ...actorIds, m.data.id];
  const colours = meta.data.colours;
  for (const key of Object.keys(colours)) {
    if (!categoryIds.includes(key)) problems.push(unknownRef(meta.yaml, ['colours'], 'exercise, actor or misunderstandings category', key, categoryIds, key));
  }
  for (const cat of categoryIds) {
    if (!(cat in colours)) {
      problems.push(meta.yaml.problemAt(['colours'], `Category "${cat}" has no colour. Add a line "${cat}: \"#RRGGBB\"" here.`, 'missing-colour'));
    }
  }
  return problems;
}

function duplicates(sites: Site[], what: string, rule: string, advice: string): Problem[] {
  const first = new Map<string, Site>();
  const out: Problem[] = [];
  for (const site of sites) {
    const earlier = first.get(site.value);
    if (!earlier) {
      first.set(site.value, site);
      continue;
    }
    const there = earlier.yaml.problemAt(earlier.path, '', rule);
    out.push(site.yaml.problemAt(site.path, `The ${what} "${site.value}" is already used at ${there.file}:${there.line}. ${advice}`, rule));
  }
  return out;
}

function unknownRef(yaml: YamlFile, path: PropertyKey[], what: string, value: string, known: string[], key?: string): Problem {
  return yaml.problemAt(path, `There is no ${what} with the id "${value}". Known ids: ${known.join(', ')}.`, 'unknown-reference', key);
}
