import { join } from 'node:path';
import { loadKit } from '../content/load.js';
import type { DocumentFamily } from '../content/model.js';
import { FAMILIES } from '../documents/registry.js';
import type { BuildOptions } from '../documents/family.js';
import { localize } from '../i18n/translator.js';
import { renderPdf } from '../render/render.js';
import { writeAtomic } from './write.js';
import { TranslationError } from '../errors.js';

export interface BuildRequest {
  contentDir: string;
  outDir: string;
  languages: string[];
  only: DocumentFamily[];
  options: Omit<BuildOptions, 'date'>;
  /** Treat a missing translation as an error instead of a warning. */
  strict?: boolean;
}

export interface BuildResult {
  files: BuiltFile[];
  /** Per language, the translation keys that printed in Danish. */
  fallbacks: Map<string, string[]>;
}

export interface BuiltFile {
  language: string;
  family: DocumentFamily;
  path: string;
  title: string;
  pages: number;
  bytes: number;
}

/** The date written into PDFs: SOURCE_DATE_EPOCH when set (reproducible builds), else the kit's own date. */
export function buildDate(kitDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${kitDate}T12:00:00Z`);
}

/**
 * Loads, localizes, composes and renders every requested document in memory, and writes
 * only when all of them succeeded, so a failing build leaves the previous files as they were.
 */
export async function build(req: BuildRequest): Promise<BuildResult> {
  const kit = loadKit(req.contentDir);
  const options: BuildOptions = { ...req.options, date: buildDate(kit.meta.date) };
  const rendered: Array<BuiltFile & { data: Buffer }> = [];
  const fallbacks = new Map<string, string[]>();
  for (const language of req.languages) {
    const loc = localize(kit, req.contentDir, language);
    for (const family of FAMILIES.filter((f) => req.only.includes(f.id))) {
      for (const doc of await family.compose(loc, options)) {
        const { bytes, pages } = await renderPdf(doc.pdf);
        rendered.push({ language, family: doc.family, path: join(req.outDir, language, doc.file), title: doc.title, pages, bytes: bytes.length, data: bytes });
      }
    }
    if (loc.fallbacks.size > 0) fallbacks.set(language, [...loc.fallbacks]);
  }
  if (req.strict && fallbacks.size > 0) throw new TranslationError(fallbacks);
  for (const file of rendered) writeAtomic(file.path, file.data);
  return { files: rendered.map(({ data: _data, ...file }) => file), fallbacks };
}
