import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRequest, type RawBuildArgs } from '../../src/commands/build-options.js';
import { build, type BuiltFile } from '../../src/driver/build.js';
import { CONTENT } from './content.js';
import { readPdf, type PdfFile } from './pdf.js';
import { tempDir } from './files.js';

/** Builds with the same option handling as the CLI, into a fresh temp folder. */
export async function buildInto(args: Partial<RawBuildArgs> = {}): Promise<{ out: string; files: BuiltFile[]; read(lang: string, file: string): Buffer }> {
  const out = tempDir('out');
  const request = buildRequest({
    content: CONTENT,
    lang: 'da',
    out,
    paper: 'a4',
    'card-size': 'poker',
    duplex: 'long',
    bleed: 3,
    imposition: 'sheet',
    ...args,
  });
  const { files } = await build(request);
  return { out, files, read: (lang, file) => readFileSync(join(out, lang, file)) };
}

/** Builds one family and reads one of its PDFs, the way most document tests start. */
export async function builtPdf(only: string, file: string, args: Partial<RawBuildArgs> = {}, language = 'da'): Promise<{ pdf: PdfFile; bytes: Buffer }> {
  const result = await buildInto({ only, ...args });
  const bytes = result.read(language, file);
  return { pdf: await readPdf(bytes), bytes };
}
