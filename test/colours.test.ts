import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { MIN_COLOUR_DIFFERENCE, MIN_CONTRAST } from '../src/content/colour-check.js';
import { loadContent } from '../src/content/load.js';
import { contrastOnWhite, deltaE2000, labDifference, type Lab } from '../src/print/colour.js';
import { builtPdf } from './helpers/build.js';
import { CONTENT, contentCopy, edit, lineOf } from './helpers/content.js';

async function kernekit(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('colour arithmetic', () => {
  it('gives CIEDE2000 as in Sharma, Wu and Dalal’s test data', () => {
    const pairs: Array<[Lab, Lab, number]> = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, expected] of pairs) expect(labDifference(a, b)).toBeCloseTo(expected, 3);
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
    const { pdf } = await builtPdf('cards', 'spoergsmaalskort.pdf');
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
