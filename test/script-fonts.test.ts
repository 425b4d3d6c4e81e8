import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { readPdf } from './helpers/pdf.js';

// A character the kit's typeface lacks is drawn from the face for its script: the bundled
// Noto Sans Ethiopic for Tigrinya, a font the config lists under `fonts:` for Japanese. The
// fixture translations hold a few real labels each; the rest prints in Danish.

/** Debian's fonts-vlgothic (.ci/run installs it): a Japanese TrueType font. */
const JAPANESE_FONT = '/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf';

function configWith(lines: string): string {
  const dir = tempDir('config');
  writeFileSync(join(dir, 'kernekit.config.yaml'), lines);
  return join(dir, 'kernekit.config.yaml');
}

async function buildOf(language: string, config?: string) {
  const content = contentCopy(language);
  const out = join(tempDir('out'), 'out');
  const r = await cli(['build', '--content', content, '--out', out, '--lang', language, '--only', 'guide,cards', '--quiet', ...(config ? ['--config', config] : [])]);
  return { r, content, read: (file: string) => readPdf(join(out, language, file)) };
}

describe('fonts for every script', () => {
  it('builds a Tigrinya guide and deck with the bundled Ethiopic face: the text layer holds the Ethiopic labels, Danish fallbacks stay in the kit’s typeface', async () => {
    const { r, read } = await buildOf('ti');
    expect(r.err).not.toMatch(/fonts cannot print/);
    expect(r.code).toBe(0);
    const guide = await read('facilitatorguide.pdf');
    expect(guide.pages[0]!.text).toContain('መምርሒ ኣወሃሃዲ');
    expect(guide.pages.map((p) => p.text).join(' ')).toContain('ትሕዝቶ');
    // The date of Fremfærd's publication, as Tigrinya writes it (Intl), is Ethiopic too.
    expect(guide.fonts).toEqual(expect.arrayContaining(['NotoSansEthiopic-Regular', 'NotoSansEthiopic-Bold', 'SourceSans3-Regular']));
    expect(guide.fontsEmbedded).toBe(true);
    const deck = await read('spoergsmaalskort.pdf');
    expect(deck.pages.map((p) => p.text).join(' ')).toContain('ንዘተ');
    expect(deck.fonts).toContain('NotoSansEthiopic-Bold');
  }, 240_000);

  it.skipIf(!existsSync(JAPANESE_FONT))('builds a Japanese guide and deck with the font given under fonts: (skipped without Debian’s fonts-vlgothic)', async () => {
    const config = configWith(`fonts:\n  - ${JAPANESE_FONT}\n`);
    const { r, read } = await buildOf('ja', config);
    expect(r.err).not.toMatch(/fonts cannot print/);
    expect(r.code).toBe(0);
    const guide = await read('facilitatorguide.pdf');
    expect(guide.pages[0]!.text).toContain('ファシリテーターガイド');
    expect(guide.pages.map((p) => p.text).join(' ')).toContain('目次');
    expect(guide.fonts).toContain('VL-Gothic-Regular');
    expect(guide.fonts).not.toContain('NotoSansEthiopic-Regular');
    const deck = await read('spoergsmaalskort.pdf');
    expect(deck.pages.map((p) => p.text).join(' ')).toContain('実際にはどう機能するか');
  }, 240_000);

  it('still refuses a character no face has: Japanese without a font for it names the translation’s file and line', async () => {
    const { r } = await buildOf('ja');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/locales\/ja\/labels\.json:\d+:\d+ ja:labels:\S+: The fonts cannot print U\+/);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('draws every PDF in the typeface the config gives, with its missing styles from the ones it has', async () => {
    // A face of the package's that is not among the kit's PDF faces stands in for a brand font.
    const dir = tempDir('brand');
    copyFileSync(join(import.meta.dirname, '../fonts/SourceSans3-Semibold.ttf'), join(dir, 'Brand.ttf'));
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'typeface:\n  regular: Brand.ttf\n');
    const { r, read } = await buildOf('ti', join(dir, 'kernekit.config.yaml'));
    expect(r.code).toBe(0);
    const guide = await read('facilitatorguide.pdf');
    expect(guide.fonts.filter((f) => f.startsWith('SourceSans3'))).toEqual(['SourceSans3-Semibold']);
    // Ethiopic still comes from its own face.
    expect(guide.fonts).toContain('NotoSansEthiopic-Regular');
  }, 240_000);
});
