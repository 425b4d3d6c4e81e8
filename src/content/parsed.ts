import type { z } from 'zod';
import type { checklistSchema, kitMetaSchema, misunderstandingsSchema } from './schema.js';
import type { Exercise } from './model.js';
import type { YamlFile } from './yaml-file.js';

/** Parsed, schema-checked data of one file, still tied to its file for locating problems. */
export interface Parsed<T> {
  yaml: YamlFile;
  data: T;
}

/** The content folder's files once each has passed its schema, before they are checked against each other. */
export interface ParsedContent {
  meta: Parsed<z.infer<typeof kitMetaSchema>>;
  exercises: Parsed<Exercise>[];
  misunderstandings: Parsed<z.infer<typeof misunderstandingsSchema>>;
  checklist: Parsed<z.infer<typeof checklistSchema>>;
}
