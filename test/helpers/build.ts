import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRequest, type RawBuildArgs } from '../../src/commands/build-options.js';
import { build, type BuiltFile } from '../../src/publish/build.js';
import { CONTENT } from './content.js';

/** Builds with the same option handling as the CLI, into a fresh temp folder. */
export async function buildInto(args: Partial<RawBuildArgs> = {}): Promise<{ out: string; files: BuiltFile[]; read(lang: string, file: string): Buffer }> {
  const out = mkdtempSync(join(tmpdir(), 'kernekit-out-'));
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
