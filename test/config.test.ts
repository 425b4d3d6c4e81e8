import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { buildRequest, type RawBuildArgs } from '../src/commands/build-options.js';
import { decodePngOnWhite } from '../src/config/png.js';
import { loadKit } from '../src/content/load.js';
import { localize } from '../src/i18n/translator.js';
import { attribution } from '../src/documents/attribution.js';
import { build } from '../src/driver/build.js';
import { CONTENT } from './helpers/content.js';
import { spawnKernekit } from './helpers/cli.js';
import { normalize, readPdf, type PdfFile } from './helpers/pdf.js';
import { tempDir } from './helpers/files.js';
import { pngFile } from './helpers/png.js';

const GUIDE = 'facilitatorguide.pdf';
const HANDOUT = 'misforstaaelser.pdf';
const EXAMPLES = join(import.meta.dirname, '../examples');
const kit = loadKit(CONTENT);
const da = localize(kit, CONTENT, 'da');

/** A config folder: the YAML and any files it names. */
function configDir(yaml: string, files: Record<string, Buffer | string> = {}): string {
  const dir = tempDir('config');
  writeFileSync(join(dir, 'kernekit.config.yaml'), yaml);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return join(dir, 'kernekit.config.yaml');
}

/** Builds as the CLI does: only what the test passes, so the config file's values can apply. */
async function buildWith(args: Partial<RawBuildArgs>): Promise<{ out: string; read(lang: string, file: string): Buffer }> {
  const out = tempDir('config');
  await build(buildRequest({ content: CONTENT, out, duplex: 'long', bleed: 3, imposition: 'sheet', ...args }));
  return { out, read: (lang, file) => readFileSync(join(out, lang, file)) };
}

/** An 8-bit RGBA PNG, written independently of the code under test. */
function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  return pngFile(width, height, 6, deflateSync(raw));
}

/** A round, anti-aliased mark on a transparent ground: the kind of PNG logo that breaks reproducible PDFs. */
const alphaLogo = rgbaPng(240, 80, (x, y) => {
  const d = Math.hypot(x - 40, y - 40);
  return [30, 90, 140, Math.max(0, Math.min(255, Math.round((36 - d) * 64)))];
});

describe('branding from kernekit.config.yaml', () => {
  const organisation = 'Eksempel Kommune';
  let guide: PdfFile;
  let index: string;
  beforeAll(async () => {
    const config = configDir(`organisation: ${organisation}\nlogo: logo.svg\naccent: "#8A2B4C"\n`, { 'logo.svg': readFileSync(join(EXAMPLES, 'logo.svg')) });
    const built = await buildWith({ config, only: 'guide' });
    guide = await readPdf(built.read('da', GUIDE));
    index = readFileSync(join(built.out, 'index.html'), 'utf8');
  });

  it('names the organisation as the PDF author and on the guide cover', () => {
    expect(guide.info.Author).toBe(organisation);
    // Larger than the footer's line, which names it too.
    expect(guide.pages[0]!.texts.some((t) => t.str === organisation && t.fontSize > 10)).toBe(true);
  });

  it('leads every footer with the organisation, then whose words the pages carry', () => {
    const footer = normalize(da.t('branding.footer', { organisation, source: attribution(da, ['seed', 'kit']) }));
    for (const page of guide.pages) expect(page.text).toContain(footer);
  });

  it('shows the logo, the name and the accent colour on the index page, with the logo inside the file', () => {
    expect(index).toContain(organisation);
    expect(index).toContain('#8A2B4C');
    // The organisation's name stands beside the logo, so the logo is decorative: a screen reader reads the name once.
    expect(index).toMatch(new RegExp(`<img src="data:image/svg\\+xml;base64,[^"]+" alt=""><span>${organisation}</span>`));
    // The accent "#8A2B4C" stands out 3:1 on the page already, so it is the focus outline as it is.
    expect(index).toContain('--focus: #8A2B4C');
  });
});

describe('a PNG logo with transparency', () => {
  it('is laid on white: transparent pixels turn white, half-transparent ones are blended', () => {
    const png = rgbaPng(3, 1, (x) => [[200, 0, 0, 255], [200, 0, 0, 0], [200, 0, 0, 128]][x] as [number, number, number, number]);
    const { rgb } = decodePngOnWhite(png);
    expect([...rgb]).toEqual([200, 0, 0, 255, 255, 255, 227, 127, 127]);
  });

  it('gives byte-identical guides in two builds, with the logo as an opaque RGB image', async () => {
    const config = configDir('organisation: Eksempel Kommune\nlogo: logo.png\n', { 'logo.png': alphaLogo });
    const first = (await buildWith({ config, only: 'guide' })).read('da', GUIDE);
    const second = (await buildWith({ config, only: 'guide' })).read('da', GUIDE);
    expect(first.equals(second)).toBe(true);
    const pdf = first.toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image[\s\S]{0,200}\/ColorSpace \/DeviceRGB|\/ColorSpace \/DeviceRGB[\s\S]{0,200}\/Subtype \/Image/);
    expect(pdf).not.toContain('/SMask');
  });
});

describe('build defaults from the config', () => {
  const config = () => configDir('paper: letter\ncardSize: a7\nlanguages: [da, en]\n');

  it('apply when the command line is silent, and command-line options win', () => {
    const file = config();
    const fromConfig = buildRequest({ content: CONTENT, out: 'out', duplex: 'long', bleed: 3, imposition: 'sheet', config: file });
    expect([fromConfig.languages, fromConfig.options.paper, fromConfig.options.cardSizeName]).toEqual([['da', 'en'], 'letter', 'a7']);
    const overridden = buildRequest({ content: CONTENT, out: 'out', duplex: 'long', bleed: 3, imposition: 'sheet', config: file, lang: 'da', paper: 'a4', 'card-size': 'poker' });
    expect([overridden.languages, overridden.options.paper, overridden.options.cardSizeName]).toEqual([['da'], 'a4', 'poker']);
  });

  it('print on Letter paper from the config, and on A4 with --paper a4', async () => {
    const file = configDir('paper: letter\n');
    const letter = await readPdf((await buildWith({ config: file, only: 'handout' })).read('da', HANDOUT));
    expect([letter.pages[0]!.width, letter.pages[0]!.height].map(Math.round)).toEqual([612, 792]);
    const a4 = await readPdf((await buildWith({ config: file, only: 'handout', paper: 'a4' })).read('da', HANDOUT));
    expect([a4.pages[0]!.width, a4.pages[0]!.height].map(Math.round)).toEqual([595, 842]);
  });

  it('are read from kernekit.config.yaml in the current folder without --config', () => {
    const dir = join(config(), '..');
    const bin = join(import.meta.dirname, '../bin/kernekit.js');
    const listed = JSON.parse(execFileSync(process.execPath, [bin, 'list', '--content', CONTENT, '--json'], { cwd: dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' })) as { languages: string[] };
    expect(listed.languages).toEqual(['da', 'en']);
  });
});

describe('a broken config', () => {
  it('reports every problem with file, line, column and field, and exits 1 without building', async () => {
    const file = configDir('organisaton: Eksempel Kommune\naccent: "#12345"\nlogo: logoer/mangler.png\n');
    const err: string[] = [];
    const out = join(tempDir('config'), 'out');
    const code = await main(['build', '--config', file, '--content', CONTENT, '--out', out, '--quiet'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(1);
    const text = err.join('\n');
    expect(text).toMatch(/kernekit\.config\.yaml:1:1 organisaton: Unknown field "organisaton"\. Did you mean "organisation"\?/);
    expect(text).toMatch(/kernekit\.config\.yaml:2:9 accent: A colour is written as "#RRGGBB"/);
    expect(text).toMatch(/kernekit\.config\.yaml:3:7 logo: Logo file "logoer\/mangler\.png" does not exist/);
    expect(text).toContain('3 problems found. Nothing was written.');
  });

  it('names a logo that is not PNG or SVG, and an SVG that embeds an image', () => {
    const file = configDir('logo: logo.gif\n', { 'logo.gif': 'GIF89a' });
    expect(() => buildRequest({ content: CONTENT, out: 'out', duplex: 'long', bleed: 3, imposition: 'sheet', config: file })).toThrow(/logo: "logo\.gif" is not a PNG or SVG file/);
    const svg = configDir('logo: logo.svg\n', { 'logo.svg': '<svg viewBox="0 0 10 10"><image href="/etc/passwd"/></svg>' });
    expect(() => buildRequest({ content: CONTENT, out: 'out', duplex: 'long', bleed: 3, imposition: 'sheet', config: svg })).toThrow(/contains an <image> element/);
  });
});

describe('an organisation name the fonts cannot print', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err };
  };

  it('stops the build with one line naming the config file, line and field, and writes nothing', async () => {
    const file = configDir('paper: a4\norganisation: "Eksempel Kommune 😀"\n');
    const out = join(tempDir('config'), 'out');
    const r = await run(['build', '--config', file, '--content', CONTENT, '--out', out, '--only', 'handout', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(/kernekit\.config\.yaml:2:15 organisation: The fonts cannot print U\+1F600 "😀", .* \[missing-glyph\]$/),
      '1 problem found. Nothing was written.',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('is caught by validate, from --config or from kernekit.config.yaml in the current folder', async () => {
    // Tamil: no face of the kit has it, and this config adds none.
    const file = configDir('organisation: தமிழ் Kommune\n');
    const r = await run(['validate', '--config', file, '--content', CONTENT]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/kernekit\.config\.yaml:1:15 organisation: The fonts cannot print U\+0BA4 "த", U\+0BAE "ம"/);
    const here = await spawnKernekit(['validate', '--content', CONTENT], { cwd: dirname(file), timeoutMs: 30_000 });
    expect(here.code).toBe(1);
    expect(here.err).toMatch(/^kernekit\.config\.yaml:1:15 organisation: The fonts cannot print U\+0BA4/);
  });

  it('lets Latin, Greek, Cyrillic, Arabic and Ethiopic names through, as the kit’s faces have them', async () => {
    const r = await run(['validate', '--config', configDir('organisation: Ærø Kommune · Δήμος Αθηναίων · Київ · بلدية · ሰላም\n'), '--content', CONTENT]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('the example config', () => {
  it('is valid and brands the build', () => {
    const request = buildRequest({ content: CONTENT, out: 'out', duplex: 'long', bleed: 3, imposition: 'sheet', config: join(EXAMPLES, 'kernekit.config.yaml') });
    expect(request.options.branding?.organisation).toBeTruthy();
    expect(request.options.branding?.logo?.kind).toBe('svg');
  });
});
