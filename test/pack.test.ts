import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { deckCards } from '../src/content/deck.js';
import { exerciseItems } from '../src/content/model.js';
import { buildInto } from './helpers/build.js';
import { pack } from '../src/documents/pack/index.js';
import { CONTENT } from './helpers/content.js';
import { runKernekit } from './helpers/cli.js';
import { buildDoneWhenMeeting } from './helpers/meeting.js';
import { tempDir } from './helpers/files.js';
import { htmlText } from './helpers/html.js';
import { readPdf, type PdfFile } from './helpers/pdf.js';

const FILE = 'pakke-karton.pdf';
const kit = loadKit(CONTENT);
const exercise = (n: number) => kit.exercises.find((e) => e.number === n)!;
const numberOf = new Map(deckCards(kit).map((c) => [c.id, c.number]));

/**
 * What each of the 4 groups should hold, read from the content: in exercise 1 (one
 * perspective per group) its perspective and the exercise's questions; in exercise 3 (the
 * same questions for all) every card of the exercise.
 */
function expectedCards(group: number): string[] {
  const one = exercise(1);
  const three = exercise(3);
  const perspective = one.perspectives![(group - 1) % one.perspectives!.length]!;
  return [perspective.id, ...one.questions.map((q) => q.id), ...exerciseItems(three).map((i) => i.id)].map((id) => numberOf.get(id)!);
}

/** Per front page, which card numbers stand on it and which group labels. */
function fronts(pdf: PdfFile): Array<{ numbers: string[]; groups: string[] }> {
  // The instruction sheet and its duplex test, then fronts and backs alternating.
  return pdf.pages.slice(2).filter((_, i) => i % 2 === 0).map((p) => ({
    numbers: p.texts.map((t) => t.str.trim()).filter((s) => [...numberOf.values()].includes(s)),
    groups: p.texts.map((t) => t.str.trim()).filter((s) => /^Gruppe \d$/.test(s)),
  }));
}

describe('the print pack of a meeting with exercises 1 and 3 for 23 people in 4 groups', () => {
  let out: string;
  let pdf: PdfFile;
  beforeAll(async () => {
    out = await buildDoneWhenMeeting('pack,cards');
    pdf = await readPdf(join(out, 'da', FILE));
  }, 200_000);

  it('holds only exercise 1 and 3 cards, one set per group, each card once in its group', () => {
    const all = fronts(pdf).flatMap((f) => f.numbers);
    const expected = [1, 2, 3, 4].flatMap(expectedCards);
    expect([...all].sort()).toEqual([...expected].sort());
    expect(all.every((n) => n.startsWith('Ø1-') || n.startsWith('Ø3-'))).toBe(true);
    for (const g of [1, 2, 3, 4]) expect(new Set(expectedCards(g)).size).toBe(expectedCards(g).length);
  });

  it('says on each card which group it belongs to, the groups one after the other', () => {
    const labels = fronts(pdf).flatMap((f) => f.groups);
    expect(labels).toHaveLength([1, 2, 3, 4].flatMap(expectedCards).length);
    const counts = [1, 2, 3, 4].map((g) => labels.filter((l) => l === `Gruppe ${g}`).length);
    expect(counts).toEqual([1, 2, 3, 4].map((g) => expectedCards(g).length));
    // In order, so the cut pile comes out sorted.
    const firsts = [1, 2, 3, 4].map((g) => labels.indexOf(`Gruppe ${g}`));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('takes the fewest sheets, with the deck\'s instruction sheet and cut lines', () => {
    const cards = [1, 2, 3, 4].flatMap(expectedCards).length;
    const perSheet = Math.max(...fronts(pdf).map((f) => f.numbers.length));
    expect(pdf.pages).toHaveLength(2 + 2 * Math.ceil(cards / perSheet));
    expect(pdf.pages[0]!.text).toContain(`${cards} kort på ${Math.ceil(cards / perSheet)} ark A4`);
  });

  it('leaves the whole deck as it is, and lists the pack on the index page', () => {
    expect(existsSync(join(out, 'da', 'spoergsmaalskort.pdf'))).toBe(true);
    const index = htmlText(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(index).toContain('Kort til mødet');
  });
});

describe('a build without --groups', () => {
  it('makes no print pack, and asks for --groups when told to make one', async () => {
    // A build of every document plans no file of the pack without --groups.
    expect(pack.inputs(kit, undefined)).toEqual({});
    expect(pack.inputs(kit, { participants: 23 })).toEqual({});
    await expect(buildInto({ only: 'pack' })).rejects.toThrow(/--only pack .* add --groups/);
    // Said before anything else: no "Content:" line, nothing written.
    const out = join(tempDir('pack-alone'), 'out');
    const run = await runKernekit(['build', '--only', 'pack', '--out', out]);
    expect([run.code, run.out, existsSync(out)]).toEqual([2, '', false]);
    expect(run.err).toMatch(/^kernekit: --only pack makes/);
  }, 60_000);
});
