import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { checklistSchema, exerciseSchema, kitMetaSchema, misunderstandingsSchema } from './schema.js';
import type { Category, Exercise, Kit } from './model.js';
import { InputError, type Problem } from './problems.js';
import { readYamlFile } from './yaml-file.js';
import { schemaProblems } from './schema-problems.js';
import { crossCheck } from './cross-check.js';
import { colourWarnings } from './colour-check.js';
import type { Parsed, ParsedContent } from './parsed.js';
import { isEditorFile } from './editor-files.js';

/** Reads `content/` into the typed Kit; see loadContent. */
export function loadKit(contentDir: string): Kit {
  return loadContent(contentDir).kit;
}

/**
 * Reads `content/` into the typed Kit. Every problem in every file is collected
 * before failing, so one run shows the editor everything to fix. Warnings (colours that
 * look alike) do not stop anything; the commands that report to the editor print them.
 */
export function loadContent(contentDir: string): { kit: Kit; warnings: Problem[] } {
  const problems: Problem[] = [];
  const shown = (p: string) => relative(process.cwd(), p) || p;

  function parseFile<S extends z.ZodType>(file: string, schema: S): Parsed<z.infer<S>> | undefined {
    const result = readYamlFile(file, shown(file));
    if (!result.ok) {
      problems.push(...result.problems);
      return undefined;
    }
    const checked = schema.safeParse(result.yaml.data);
    if (!checked.success) {
      problems.push(...schemaProblems(result.yaml, schema, checked.error));
      return undefined;
    }
    return { yaml: result.yaml, data: checked.data };
  }

  const meta = parseFile(join(contentDir, 'kit.yaml'), kitMetaSchema);
  const misunderstandings = parseFile(join(contentDir, 'misunderstandings.yaml'), misunderstandingsSchema);
  const checklist = parseFile(join(contentDir, 'checklist.yaml'), checklistSchema);
  const exerciseDir = join(contentDir, 'exercises');
  const exerciseFiles = listYaml(exerciseDir);
  if (exerciseFiles.length === 0) {
    problems.push({
      file: shown(exerciseDir),
      line: 1,
      column: 1,
      field: '',
      message: 'No exercises found. Put one YAML file per exercise in this folder.',
      rule: 'no-exercises',
    });
  }
  const exercises = exerciseFiles.map((f) => parseFile(join(exerciseDir, f), exerciseSchema));

  if (!meta || !misunderstandings || !checklist || exercises.some((e) => e === undefined)) {
    throw new InputError(problems);
  }
  const parsed: ParsedContent = { meta, misunderstandings, checklist, exercises: exercises as Parsed<Exercise>[] };
  problems.push(...crossCheck(parsed));
  if (problems.length > 0) throw new InputError(problems);
  return { kit: assemble(parsed), warnings: colourWarnings(meta.data.colours, meta.yaml) };
}

function listYaml(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f) && !isEditorFile(f))
      .sort();
  } catch {
    return [];
  }
}

function assemble(p: ParsedContent): Kit {
  const colours = p.meta.data.colours;
  const categories = new Map<string, Category>();
  const exercises = p.exercises.map((e) => e.data).sort((a, b) => a.number - b.number);
  for (const e of exercises) categories.set(e.id, { id: e.id, code: e.code, kind: 'exercise', colour: colours[e.id]! });
  const actors = p.checklist.data.actors;
  for (const a of actors) categories.set(a.id, { id: a.id, code: a.code, kind: 'actor', colour: colours[a.id]! });
  const m = p.misunderstandings.data;
  categories.set(m.id, { id: m.id, code: m.code, kind: 'misunderstandings', colour: colours[m.id]! });
  const centreId = p.checklist.data.centre;
  return {
    meta: p.meta.data,
    exercises,
    misunderstandings: { id: m.id, code: m.code, items: m.misunderstandings },
    checklist: {
      title: p.checklist.data.title,
      intro: p.checklist.data.intro,
      centre: actors.find((a) => a.id === centreId)!,
      around: actors.filter((a) => a.id !== centreId),
    },
    categories,
  };
}
