import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnKernekit } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { readPdf } from './helpers/pdf.js';

const FILES = ['spoergsmaalskort.pdf', 'facilitatorguide.pdf'];

describe('a PDF does not depend on what else the process built', () => {
  it('gives the Turkish deck and guide the same bytes built alone and after Danish, with the dotless ı in the text layer', async () => {
    const content = contentCopy('tr');
    const alone = join(tempDir('order'), 'out');
    const together = join(tempDir('order'), 'out');
    // Separate processes with no engine cache: each starts from fresh fonts, as on a new machine.
    const env = { KERNEKIT_CACHE_DIR: 'off' };
    const args = ['build', '--content', content, '--only', 'cards,guide', '--quiet'];
    expect((await spawnKernekit([...args, '--lang', 'tr', '--out', alone], { env, timeoutMs: 120_000 })).code).toBe(0);
    expect((await spawnKernekit([...args, '--lang', 'da,tr', '--out', together], { env, timeoutMs: 120_000 })).code).toBe(0);
    for (const file of FILES) {
      const bytes = readFileSync(join(together, 'tr', file));
      expect(bytes.equals(readFileSync(join(alone, 'tr', file))), file).toBe(true);
      const text = (await readPdf(bytes)).pages.map((p) => p.text).join(' ');
      expect(text, file).toContain(file === FILES[0] ? 'Tartışma için' : 'Kolaylaştırıcı kılavuzu');
    }
  }, 300_000);
});
