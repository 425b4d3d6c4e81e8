import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it, vi } from 'vitest';
import { readChecked, writeChecked } from '../src/checked-file.js';
import { defaultStyle } from '../src/render/font-set.js';
import { engine, layoutHeights } from '../src/render/pdfmake.js';
import { MAX_ENTRIES } from '../src/render/engine-cache.js';
import { CONTENT } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';
import { readPdf } from './helpers/pdf.js';

const BIN = join(import.meta.dirname, '../bin/kernekit.js');
const work = tempDir('cache-test');

/** A fresh kernekit process, as a user runs it, with its own engine cache folder. */
function buildDeck(name: string, cacheDir: string): Record<string, string> {
  const out = join(work, name);
  execFileSync(process.execPath, [BIN, 'build', '--content', CONTENT, '--only', 'cards,handout', '--lang', 'da,en', '--out', out, '--quiet'], {
    cwd: work,
    env: { ...process.env, KERNEKIT_CACHE_DIR: cacheDir },
    timeout: 120_000,
    killSignal: 'SIGKILL',
  });
  const files = snapshot(out);
  // The manifest names the build's own folder nowhere, but compare PDFs, previews and zips only.
  return Object.fromEntries(Object.entries(files).filter(([path]) => /\.(pdf|png|zip)$/.test(path)));
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /^engine-[0-9a-f]{16}\.json$/.test(f)) : []);
/** The cache file's JSON, or undefined when its checksum does not match (checked-file.ts). */
const cacheText = (file: string) => readChecked(file)?.toString('utf8');

type CacheData = { runs: Record<string, Record<string, unknown>>; heights: Record<string, number> };

describe('the engine cache', { timeout: 240_000 }, () => {
  const cache = join(work, 'cache');
  /** What an older kernekit, engine, Node or pdf.js left in the cache folder, and a file of the user's. */
  const left = { engine: 'engine-0123456789abcdef.json', code: 'code/build-0.0.1-node18.0.0-x64.bin', previews: 'previews-0123456789abcdef/0a.png', mine: 'notes.txt' };
  const cacheFile = () => join(cache, cacheFiles(cache)[0]!);
  const cacheData = () => JSON.parse(cacheText(cacheFile())!) as CacheData;
  let first: { output: Record<string, string>; data: CacheData } | undefined;
  /**
   * The first build into the cache folder, with other versions' files planted before it: made
   * by whichever case needs it first, so that each case runs alone (vitest -t) and in any order.
   */
  const cold = () => {
    if (first) return first;
    // The folder is kernekit's own (it marks it as it makes it); a file of the user's in it stays.
    execFileSync(process.execPath, [BIN, 'validate', '--content', CONTENT], { env: { ...process.env, KERNEKIT_CACHE_DIR: cache }, timeout: 60_000 });
    for (const file of Object.values(left)) {
      mkdirSync(dirname(join(cache, file)), { recursive: true });
      writeFileSync(join(cache, file), 'old');
    }
    const output = buildDeck('cold', cache);
    expect(cacheFiles(cache)).toHaveLength(1);
    return (first = { output, data: cacheData() });
  };

  it('is filled by a first build, with shaped words and measured heights', () => {
    const { output, data } = cold();
    expect(Object.keys(output)).toContain('da/spoergsmaalskort.pdf');
    expect(Object.keys(data.runs)).toContain('SourceSans3-Regular');
    expect(Object.keys(data.runs['SourceSans3-Regular']!)).toContain('kerneopgaven ');
    expect(Object.keys(data.heights).length).toBeGreaterThan(50);
  });

  it("the first build removes other versions' caches, and nothing else", () => {
    cold();
    expect(existsSync(join(cache, left.engine))).toBe(false);
    expect(existsSync(join(cache, left.code))).toBe(false);
    expect(existsSync(join(cache, dirname(left.previews)))).toBe(false);
    expect(readFileSync(join(cache, left.mine), 'utf8')).toBe('old');
    expect(readdirSync(join(cache, 'code')).length).toBeGreaterThan(0);
  });

  it('gives byte-identical PDFs, previews and zips when it is warm', () => {
    const { output } = cold();
    expect(buildDeck('warm', cache)).toEqual(output);
  });

  it('is rebuilt, not trusted, when its file is damaged, and the output stays the same', () => {
    const { output, data } = cold();
    writeFileSync(cacheFile(), '{"engine": "x", "runs": ');
    expect(buildDeck('damaged', cache)).toEqual(output);
    // Made again whole: every word shaped and every height measured, as after the first build.
    expect(cacheData()).toEqual(data);
  });

  it('is ignored when bytes of its file are flipped into other JSON, and the output stays the same', () => {
    const { output, data } = cold();
    const file = cacheFile();
    const bytes = readFileSync(file);
    // Every digit 1-8 after the engine's name becomes the next one: still JSON, with other
    // glyph ids, positions and heights, which would draw other PDFs if they were believed.
    const from = bytes.indexOf('"runs"');
    expect(from).toBeGreaterThan(0);
    for (let i = from; i < bytes.length; i++) if (bytes[i]! >= 0x31 && bytes[i]! <= 0x38) bytes[i]!++;
    writeFileSync(file, bytes);
    expect(cacheText(file)).toBeUndefined();
    expect(buildDeck('flipped', cache)).toEqual(output);
    expect(cacheData()).toEqual(data);
  });

  it('can be turned off with KERNEKIT_CACHE_DIR=off, with the same output', () => {
    const { output } = cold();
    expect(buildDeck('uncached', 'off')).toEqual(output);
    expect(existsSync(join(work, 'off'))).toBe(false);
  });
});

describe('measuring without drawing', () => {
  /** The height pdfmake itself gives a page of "auto" height holding the content: what fitting measured before. */
  async function autoPageHeight(content: Content, width: number): Promise<number> {
    const doc = engine().createPdf({ pageSize: { width, height: 'auto' }, pageMargins: 0, content, defaultStyle: defaultStyle() } as never);
    const pdf = await readPdf(await doc.getBuffer());
    return pdf.pages[0]!.height;
  }

  const samples: Array<[string, Content]> = [
    ['one line', { text: 'Hvem definerer kerneopgaven?', fontSize: 15 }],
    ['wrapped text with margins', { stack: [{ text: 'Spørgsmål', bold: true, margin: [0, 0, 0, 5] }, { text: 'Hvordan forstår I kerneopgaven i jeres daglige arbejde, og hvem taler I med om den? '.repeat(3), lineHeight: 1.2 }] }],
    ['a list', { ul: ['Borgerne', 'Kollegerne', 'Ledelsen og de faglige organisationer, som deler ansvaret'], fontSize: 11 }],
    ['columns', { columns: [{ text: 'Venstre spalte med nogle ord mere', width: 60 }, { text: 'Højre' }], columnGap: 8 }],
    ['text ending in a drawn line', { stack: [{ text: 'Overskrift' }, { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 100, y2: 4, lineWidth: 1 }] }] }],
  ];

  it.each(samples)('gives the height a rendered "auto" page has: %s', async (_name, content) => {
    const width = 170;
    const [measured] = layoutHeights([{ columns: [{ width, stack: [structuredClone(content)] }], columnGap: 0 }], width);
    const rendered = await autoPageHeight({ columns: [{ width, stack: [structuredClone(content)] }], columnGap: 0 }, width);
    expect(measured).toBeGreaterThan(10);
    // pdf.js reports the MediaBox, which pdfkit writes rounded to whole hundredths at most.
    expect(measured).toBeCloseTo(rendered, 1);
  });

  it('lays several contents out at once, each on its own', () => {
    const one = { text: 'Et kort svar', fontSize: 12 };
    const three = { text: 'En linje\nEn linje til\nOg en tredje', fontSize: 12 };
    const [a, b, c] = layoutHeights([{ stack: [one] }, { stack: [three] }, { stack: [structuredClone(one)] }], 200);
    expect(b!).toBeCloseTo(a! * 3, 5);
    expect(c).toBe(a);
  });
});

/**
 * Runs `use` with an engine-cache module of its own (the one loaded above has already read the
 * test run's cache), reading a cache folder that holds only an engine file with `data`.
 */
async function withCacheFile(name: string, data: object, use: (cacheModule: typeof import('../src/render/engine-cache.js'), file: string) => void): Promise<void> {
  const dir = join(work, name);
  const previous = process.env.KERNEKIT_CACHE_DIR;
  process.env.KERNEKIT_CACHE_DIR = dir;
  try {
    vi.resetModules();
    const { engineKey } = await import('../src/render/engine-key.js');
    const cacheModule = await import('../src/render/engine-cache.js');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `engine-${engineKey().slice(0, 16)}.json`);
    writeChecked(file, Buffer.from(JSON.stringify({ engine: engineKey(), ...data })));
    use(cacheModule, file);
  } finally {
    process.env.KERNEKIT_CACHE_DIR = previous;
  }
}

describe('the engine cache file', () => {
  it('starts again from what a build used once it holds more than MAX_ENTRIES', async () => {
    const heights = Object.fromEntries(Array.from({ length: MAX_ENTRIES }, (_, i) => [`old-${i}`, i]));
    await withCacheFile('full-cache', { runs: {}, heights }, (cacheModule, file) => {
      expect(cacheModule.storedHeight('old-7')).toBe(7);
      cacheModule.keepHeight('new', 42);
      cacheModule.saveEngineCache();
      const saved = JSON.parse(cacheText(file)!) as { heights: Record<string, number> };
      expect(saved.heights).toEqual({ 'old-7': 7, new: 42 });
    });
  });

  it('decodes a stored word only when it is whole, so an entry of another shape is shaped again', async () => {
    const glyph = (id: number, codePoints: number[]) => ({ id, codePoints, advanceWidth: 500 });
    const font = { postscriptName: 'Test-Regular', storedGlyph: glyph };
    const runs = {
      whole: '36,72;72.101,;500,0,0,0,500,480,0,-10,0,480',
      arrays: [[36], [[72]], [500, 0, 0, 0, 500]],
      short: '36,72;72,101;500,0,0,0,500',
      letters: '36;x;500,0,0,0,500',
      extra: '36;72;500,0,0,0,500;1',
    };
    await withCacheFile('odd-entries', { runs: { 'Test-Regular': runs }, heights: {} }, (cacheModule) => {
      expect(cacheModule.storedRun(font, 'whole', 'ltr')).toEqual({
        glyphs: [glyph(36, [72, 101]), glyph(72, [])],
        positions: [
          { xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 500 },
          { xAdvance: 480, yAdvance: 0, xOffset: -10, yOffset: 0, advanceWidth: 480 },
        ],
        advanceWidth: 980,
      });
      for (const odd of ['arrays', 'short', 'letters', 'extra']) expect(cacheModule.storedRun(font, odd, 'ltr'), odd).toBeUndefined();
      // What keepRun stores reads back as it was.
      const run = cacheModule.storedRun(font, 'whole', 'ltr')!;
      cacheModule.keepRun(font, 'again', 'ltr', run);
      expect(cacheModule.storedRun(font, 'again', 'ltr')).toEqual(run);
    });
  });
});
