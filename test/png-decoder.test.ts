import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePngOnWhite, PngError } from '../src/config/png.js';
import { tempDir } from './helpers/files.js';

// kernekit reads PNG logos with its own decoder (src/config/png.ts). Its oracle here is pypng
// (Debian's python3-png, which .ci/run installs): test/helpers/png_fixtures.py writes a file of
// every colour type, bit depth, row filter and interlace, and gives pypng's reading of each.

interface Fixture {
  file: string;
  colourType: number;
  depth: number;
  filter: number;
  interlace: boolean;
  key: boolean;
  width: number;
  height: number;
  /** The depth of pypng's samples (a palette's are 8 bits). */
  bitdepth: number;
  rgba: Array<[number, number, number, number]>;
}

const folder = tempDir('png');
execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'helpers/png_fixtures.py'), folder], { timeout: 60_000 });
const fixtures = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as Fixture[];
const name = (f: Fixture) => `colour type ${f.colourType}, ${f.depth} bits, filter ${f.filter}${f.key ? ', colour-key transparency' : ''}`;

/** pypng's pixels laid on white, 8 bits a channel: what the logo looks like on the page. */
function onWhite(f: Fixture): number[] {
  const top = 2 ** f.bitdepth - 1;
  return f.rgba.flatMap(([r, g, b, a]) => [r, g, b].map((c) => (c / top) * (a / top) * 255 + 255 * (1 - a / top)));
}

describe('the PNG decoder reads what pypng reads', () => {
  it('covers every colour type and bit depth PNG allows, each with every row filter', () => {
    const kinds = new Set(fixtures.filter((f) => !f.interlace).map((f) => `${f.colourType}/${f.depth}/${f.filter}`));
    expect(kinds.size).toBe(15 * 5);
  });

  it.each(fixtures.filter((f) => !f.interlace).map((f) => [name(f), f] as const))('%s', (_name, f) => {
    const image = decodePngOnWhite(readFileSync(join(folder, f.file)));
    expect([image.width, image.height]).toEqual([f.width, f.height]);
    const expected = onWhite(f);
    // Rounded to 8 bits: half a level, and one where 16-bit colour and alpha are each rounded before they are blended.
    const tolerance = f.depth === 16 && (f.colourType === 4 || f.colourType === 6) ? 1 : 0.5 + 1e-9;
    const off = [...image.rgb].map((v, i) => Math.abs(v - expected[i]!)).filter((d) => d > tolerance);
    expect(off).toEqual([]);
  });

  it.each(fixtures.filter((f) => f.interlace).map((f) => [name(f), f] as const))('an interlaced file (%s) is refused with what to do', (_name, f) => {
    expect(() => decodePngOnWhite(readFileSync(join(folder, f.file)))).toThrow(new PngError('it is interlaced; save it again without interlacing (Adam7 off)'));
  });
});
