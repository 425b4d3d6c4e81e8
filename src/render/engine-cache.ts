import { host } from '../host/host.js';
import type { EngineCacheFile } from '../host/types.js';
import { cacheName } from './parsed-fonts.js';
import type { Direction } from './run-direction.js';

/**
 * What the layout engine worked out in earlier runs, kept on disk: how each word was shaped
 * (fontkit's OpenType shaping is most of the time a fresh build spends on text) and how tall
 * each fitted box turned out. Both depend only on the text, the fonts and the engine, so the
 * file is named by engineKey() and a new kernekit, font or pdfmake starts a new one. A cached
 * value is exactly the computed one, so a PDF is the same bytes with or without the cache.
 * Where there is no file (a browser), what is learnt is kept for the page's life.
 */

/**
 * A shaped word as one string: glyph ids, then each glyph's code points, then five numbers of
 * position per glyph (x and y advance, x and y offset, advance width), as
 * `ids;cp.cp,cp;numbers` with commas between glyphs. One string rather than nested arrays:
 * a kit's cache holds tens of thousands of words, and as arrays they were some 100,000 small
 * objects to parse and for the garbage collector to carry on every build, most of them never
 * looked at (a deck uses a tenth of a two-language kit's cache). A word is decoded when used.
 */
type StoredRun = string;

const numbers = (list: string) => (list === '' ? [] : list.split(',').map(Number));
const finite = (list: number[]) => list.every(Number.isFinite);

function encodeRun(run: Run): StoredRun {
  const ids = run.glyphs.map((g) => g.id).join(',');
  const codePoints = run.glyphs.map((g) => g.codePoints.join('.')).join(',');
  const positions = run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]).join(',');
  return `${ids};${codePoints};${positions}`;
}

/** The glyph ids, code points and positions of a stored word; undefined when the string is not one. */
function decodeRun(entry: StoredRun): { ids: number[]; codePoints: number[][]; positions: number[] } | undefined {
  if (typeof entry !== 'string') return undefined;
  const [ids, codePoints, positions, extra] = entry.split(';');
  if (ids === undefined || codePoints === undefined || positions === undefined || extra !== undefined) return undefined;
  const decoded = { ids: numbers(ids), codePoints: ids === '' ? [] : codePoints.split(',').map((c) => (c === '' ? [] : c.split('.').map(Number))), positions: numbers(positions) };
  const whole = finite(decoded.ids) && decoded.codePoints.every(finite) && finite(decoded.positions);
  return whole && decoded.codePoints.length === decoded.ids.length && decoded.positions.length === decoded.ids.length * 5 ? decoded : undefined;
}

interface CacheFile {
  engine: string;
  runs: Record<string, Record<string, StoredRun>>;
  heights: Record<string, number>;
}

/** The part of a pdfkit layout run that pdfkit reads back: glyphs, their positions and the total advance. */
export interface Run {
  glyphs: Array<{ id: number; codePoints: number[]; advanceWidth: number }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>;
  advanceWidth: number;
}

export interface GlyphSource {
  postscriptName: string;
  storedGlyph(id: number, codePoints: number[]): Run['glyphs'][number];
}

let stored: CacheFile | undefined;
/** What this process added, written back by saveEngineCache(). */
let added: CacheFile | undefined;
/** What this process read from the file: what survives when the file has grown too big. */
const used: CacheFile = { engine: '', runs: {}, heights: {} };

/**
 * Entries (shaped words plus measured heights) the file may hold: 4,500 for the Danish and
 * English kit (0.6 MB), so a kit in ten languages needs about 25,000. Old texts pile up as
 * content is edited; beyond this, the file keeps only what the build that writes it used.
 */
export const MAX_ENTRIES = 40_000;

let file: EngineCacheFile | null | undefined;
const cacheFile = () => (file === undefined ? (file = host.engineCache()) : file);
const empty = (): CacheFile => ({ engine: cacheFile()?.engine ?? '', runs: {}, heights: {} });

function read(): CacheFile {
  const text = cacheFile()?.read();
  if (text === undefined) return empty();
  try {
    const data = JSON.parse(text) as CacheFile;
    const sound = data.engine === cacheFile()!.engine && typeof data.runs === 'object' && typeof data.heights === 'object';
    return sound ? data : empty();
  } catch {
    // No cache yet, or one that cannot be read: the engine computes everything, as without one.
    return empty();
  }
}

const cache = () => (stored ??= read());
const fresh = () => (added ??= empty());

/**
 * A word's key: its text, shaped left to right, or marked as shaped right to left (a word's
 * glyphs come out in the opposite order). Left-to-right keys are the text alone, as before.
 */
const runKey = (text: string, direction: Direction): string => (direction === 'rtl' ? `rtl\u0000${text}` : text);

/** A word shaped in an earlier run, rebuilt with the font's glyphs (parsed-fonts.ts); undefined when not cached. */
export function storedRun(font: GlyphSource, text: string, direction: Direction): Run | undefined {
  const name = cacheName(font);
  const key = runKey(text, direction);
  const entry = cache().runs[name]?.[key];
  const run = entry === undefined ? undefined : decodeRun(entry);
  if (!run) return undefined;
  (used.runs[name] ??= {})[key] = entry!;
  const p = run.positions;
  const positions = run.ids.map((_, i) => ({ xAdvance: p[i * 5]!, yAdvance: p[i * 5 + 1]!, xOffset: p[i * 5 + 2]!, yOffset: p[i * 5 + 3]!, advanceWidth: p[i * 5 + 4]! }));
  return {
    glyphs: run.ids.map((id, i) => font.storedGlyph(id, run.codePoints[i]!)),
    positions,
    advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0),
  };
}

export function keepRun(font: GlyphSource, text: string, direction: Direction, run: Run): void {
  const entry = encodeRun(run);
  for (const file of [cache(), fresh()]) (file.runs[cacheName(font)] ??= {})[runKey(text, direction)] = entry;
}

/** The height of a measured box (by a digest of its width and content), if an earlier run measured it. */
export function storedHeight(key: string): number | undefined {
  const height = cache().heights[key];
  if (height !== undefined) used.heights[key] = height;
  return height;
}

export function keepHeight(key: string, height: number): void {
  cache().heights[key] = height;
  fresh().heights[key] = height;
}

/**
 * Adds what this process learnt to the cache file. Threads and processes may save at the
 * same time: each merges into what is on disk and replaces the file whole, so at worst one
 * thread's additions are lost (and recomputed). A file grown past MAX_ENTRIES starts again
 * from what this build used. A cache that cannot be written is not an error.
 */
export function saveEngineCache(): void {
  const target = cacheFile();
  if (!target || !added) return;
  const mine = added;
  added = undefined;
  try {
    let merged = read();
    if (entries(merged) + entries(mine) > MAX_ENTRIES) merged = { ...empty(), runs: structuredClone(used.runs), heights: { ...used.heights } };
    for (const [font, runs] of Object.entries(mine.runs)) Object.assign((merged.runs[font] ??= {}), runs);
    Object.assign(merged.heights, mine.heights);
    target.write(JSON.stringify(merged));
  } catch {
    // A read-only or full disk costs the next build its head start, nothing else.
  }
}

function entries(file: CacheFile): number {
  return Object.values(file.runs).reduce((n, runs) => n + Object.keys(runs).length, Object.keys(file.heights).length);
}
