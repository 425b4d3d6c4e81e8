import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { MIN_COLOUR_DIFFERENCE, MIN_CONTRAST } from '../src/content/colour-check.js';
import { loadContent } from '../src/content/load.js';
import { contrastOnWhite, deltaE2000, labDifference } from '../src/print/colour.js';
import { defaultDeck } from './helpers/fixture-kit.js';
import { readPdf } from './helpers/pdf.js';
import { CONTENT, contentCopy, edit, lineOf } from './helpers/content.js';

async function kernekit(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Table 1 of G. Sharma, W. Wu and E. N. Dalal, "The CIEDE2000 color-difference formula:
 * implementation notes, supplementary test data, and mathematical observations", Color
 * Research and Application 30(1), 2005: all 34 pairs, L* a* b* twice and ΔE00. The pairs
 * straddle the formula's discontinuities (hue averaging, the rotation term), where an
 * implementation that passes ordinary colours goes wrong.
 */
const SHARMA: Array<[number, number, number, number, number, number, number]> = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
];

describe('colour arithmetic', () => {
  it.each(SHARMA.map((row, i) => [i + 1, ...row] as const))('gives CIEDE2000 as in Sharma, Wu and Dalal’s test data, pair %i, both ways', (_n, L1, a1, b1, L2, a2, b2, expected) => {
    // The table gives four decimals; the differences are symmetric.
    expect(Math.abs(labDifference([L1, a1, b1], [L2, a2, b2]) - expected)).toBeLessThanOrEqual(0.00005);
    expect(Math.abs(labDifference([L2, a2, b2], [L1, a1, b1]) - expected)).toBeLessThanOrEqual(0.00005);
  });

  it('gives WCAG contrast against white', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastOnWhite('#767676')).toBeCloseTo(4.54, 2);
  });
});

describe('the shipped category colours', () => {
  const { kit, warnings } = loadContent(CONTENT);
  const categories = [...kit.categories.values()];

  it('all differ by ΔE 15 or more and read at 4.5:1 or more on white', () => {
    expect(warnings).toEqual([]);
    for (const a of categories) {
      expect(contrastOnWhite(a.colour), a.id).toBeGreaterThanOrEqual(MIN_CONTRAST);
      for (const b of categories) if (a !== b) expect(deltaE2000(a.colour, b.colour), `${a.id} ${b.id}`).toBeGreaterThanOrEqual(MIN_COLOUR_DIFFERENCE);
    }
  });

  it('come with a code on every card, front and back, so grey-scale prints still tell them apart', async () => {
    const pdf = await readPdf(await defaultDeck());
    const cardPages = pdf.pages.slice(2);
    const codes = new Set(categories.map((c) => c.code));
    for (const page of cardPages) {
      const onPage = page.texts.filter((t) => codes.has(t.str.trim()));
      const numbers = page.texts.filter((t) => /^[A-ZÆØÅ]{1,2}\d?-[2-9A-Z]{3}$/.test(t.str));
      // One code per card, matching the category of the card's number.
      expect(onPage.map((t) => t.str).sort()).toEqual(numbers.map((t) => t.str.split('-')[0]).sort());
    }
  });
});

describe('a kit.yaml whose colours look alike', () => {
  it('gets a warning naming both categories, the ΔE and the line, and still validates', async () => {
    const dir = contentCopy();
    const shipped = loadContent(CONTENT).kit.categories.get('borgerne')!.colour;
    edit(dir, 'kit.yaml', /borgere-kunder: "#[0-9A-F]{6}"/, `borgere-kunder: "${shipped.replace(/.$/, (d) => (d === '0' ? '1' : '0'))}"`);
    edit(dir, 'kit.yaml', /misforstaaelser: "#[0-9A-F]{6}"/, 'misforstaaelser: "#999999"');
    const r = await kernekit(['validate', '--content', dir]);
    expect(r.code).toBe(0);
    const lines = r.err.split('\n');
    const similar = lines.find((l) => l.includes('[similar-colours]'))!;
    expect(similar).toMatch(new RegExp(`^warning: .*kit\\.yaml:${lineOf(dir, 'kit.yaml', 'borgere-kunder:')}:\\d+ colours\\.borgere-kunder: .*\\(borgere-kunder\\) and .*\\(borgerne\\) differ by only ΔE 0\\.\\d`));
    const pale = lines.find((l) => l.includes('[low-contrast]'))!;
    expect(pale).toContain('colours.misforstaaelser: "#999999" reads at only 2.8:1 on white');
    expect(r.out).toContain('48 cards in the deck');
  });
});
