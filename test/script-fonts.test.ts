import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
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
  return { r, content, out, read: (file: string) => readPdf(join(out, language, file)), text: (file: string) => readFileSync(join(out, file), 'utf8') };
}

/** The font files a planner page's fonts script carries, by their names (a kit file's name, a config file's sha256). */
function plannerFontNames(script: string): string[] {
  const page = vm.createContext({});
  page.window = page;
  vm.runInContext(script, page);
  return Object.keys(page.kernekitFonts as object).sort();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

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
    const { r, read, text, out, content } = await buildOf('ja', config);
    expect(r.err).not.toMatch(/fonts cannot print/);
    expect(r.code).toBe(0);
    // validate asks the same faces: with the config the Japanese labels pass, without it they do not.
    expect((await cli(['validate', '--content', content, '--config', config])).code).toBe(0);
    expect((await cli(['validate', '--content', content])).err).toMatch(/locales\/ja\/labels\.json:\d+:\d+ .*U\+/);
    // The web pages ask the browser for the same font after their typeface, from the folder itself.
    const digest = sha256(JAPANESE_FONT);
    const path = `fonts/${digest.slice(0, 16)}.ttf`;
    expect(readFileSync(join(out, path)).equals(readFileSync(JAPANESE_FONT))).toBe(true);
    for (const page of ['ja/facilitatorguide.html', 'index.html']) {
      expect(text(page)).toMatch(new RegExp(`@font-face \\{ font-family: "kernekit font 1"; src: url\\("(\\.\\./)?${path}"\\) format\\("truetype"\\)`));
      expect(text(page)).toContain('font-family: "Source Sans 3", "Source Sans Pro", "kernekit font 1", system-ui');
    }
    // The planner page carries it whole (its texts need it), beside the kit's typeface.
    expect(plannerFontNames(text('ja/planner-fonts.js'))).toContain(digest);
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
    const { r, read, text, out } = await buildOf('ti', join(dir, 'kernekit.config.yaml'));
    expect(r.code).toBe(0);
    for (const file of ['facilitatorguide.pdf', 'spoergsmaalskort.pdf']) {
      const pdf = await read(file);
      expect(pdf.fonts.filter((f) => f.startsWith('SourceSans3')), file).toEqual(['SourceSans3-Semibold']);
      // Ethiopic still comes from its own face.
      expect(pdf.fonts.filter((f) => f.startsWith('NotoSansEthiopic')), file).not.toEqual([]);
    }
    // The web pages draw with it too (every style from the one file), and the planner page carries it.
    const digest = sha256(join(dir, 'Brand.ttf'));
    const path = `fonts/${digest.slice(0, 16)}.ttf`;
    expect(existsSync(join(out, path))).toBe(true);
    for (const page of ['ti/facilitatorguide.html', 'index.html', 'tilgaengelighed.html']) {
      expect(text(page)).toContain(`font-family: "kernekit typeface"; src: url("${page.includes('/') ? '../' : ''}${path}") format("truetype"); font-weight: 700; font-style: italic;`);
      expect(text(page)).toContain('font-family: "kernekit typeface", system-ui, sans-serif;');
      expect(text(page)).not.toContain('Source Sans 3');
    }
    expect(plannerFontNames(text('ti/planner-fonts.js'))).toEqual(expect.arrayContaining([digest, 'NotoSansEthiopic-Regular.ttf']));
    const manifest = JSON.parse(text('manifest.json')) as { fonts: Array<{ path: string }> };
    expect(manifest.fonts.map((f) => f.path)).toContain(path);
  }, 240_000);
});
