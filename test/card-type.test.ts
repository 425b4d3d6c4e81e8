import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { cardViews, type CardView } from '../src/documents/cards/views.js';
import { localize } from '../src/i18n/translator.js';
import { buildInto } from './helpers/build.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { readPdf, type PdfFile, type PdfText } from './helpers/pdf.js';

const FILE = 'spoergsmaalskort.pdf';
const LANGUAGES = ['da', 'en', 'qps'] as const;

/**
 * The card fronts' and backs' texts by role, the labels found by their exact words. On a
 * front, whatever is not a label, a line of the category name or the source line is body.
 */
function roles(pdf: PdfFile, views: CardView[]) {
  const side = (parity: number) => pdf.pages.slice(2).filter((_, i) => i % 2 === parity).flatMap((p) => p.texts);
  const [fronts, backs] = [side(0), side(1)];
  const is = (values: string[]) => (t: PdfText) => values.includes(t.str.trim());
  const numbers = is(views.map((v) => v.number));
  const codes = is(views.map((v) => v.code));
  const kinds = is(views.map((v) => v.kindLabel));
  const labelLine = (t: PdfText) => views.some((v) => v.categoryLabel.includes(t.str.trim())) || views.some((v) => v.attribution.includes(t.str.trim()));
  return {
    all: [...fronts, ...backs],
    numbers: [...fronts, ...backs].filter(numbers),
    frontCodes: fronts.filter(codes),
    backCodes: backs.filter(codes),
    kinds: fronts.filter(kinds),
    body: fronts.filter((t) => !numbers(t) && !codes(t) && !kinds(t) && !labelLine(t)),
  };
}

const sizes = (texts: PdfText[]) => [...new Set(texts.map((t) => t.fontSize))].sort();

describe('the type scale of the card deck', () => {
  const kit = loadKit(CONTENT);
  const found = new Map<string, ReturnType<typeof roles>>();
  const deckAt = async (cardSize: string) => {
    const built = await buildInto({ only: 'cards', lang: LANGUAGES.join(','), 'card-size': cardSize });
    for (const lang of LANGUAGES) {
      const loc = localize(kit, CONTENT, lang);
      found.set(`${lang} ${cardSize}`, roles(await readPdf(built.read(lang, FILE)), cardViews(loc)));
    }
  };
  beforeAll(async () => {
    await deckAt('poker');
    await deckAt('a6');
  }, 180_000);

  it('gives card numbers, category codes and card kinds one size each across the da, en and qps decks', () => {
    for (const card of ['poker', 'a6']) {
      const decks = LANGUAGES.map((lang) => found.get(`${lang} ${card}`)!);
      for (const role of ['numbers', 'frontCodes', 'kinds'] as const) {
        const all = decks.flatMap((d) => d[role]);
        // Every card shows its number front and back, its code on both sides, its kind on the front.
        expect(all.length, `${card} ${role}`).toBeGreaterThanOrEqual(3 * 45);
        expect(sizes(all), `${card} ${role}`).toHaveLength(1);
      }
      // On the back, the code is large on a plain back and as on the front on a misunderstanding's.
      const backCodes = sizes(decks.flatMap((d) => d.backCodes));
      expect(backCodes, card).toHaveLength(2);
      expect(backCodes, card).toContain(sizes(decks[0]!.frontCodes)[0]);
    }
  });

  it('sets labels at 7 pt or more and grows them with the card, not with the text', () => {
    const poker = found.get('da poker')!;
    const a6 = found.get('da a6')!;
    expect(sizes(poker.numbers)).toEqual([7]);
    expect(sizes(poker.kinds)).toEqual([8]);
    expect(sizes(a6.numbers)[0]).toBeGreaterThan(7);
    expect(sizes(a6.kinds)[0]).toBeGreaterThan(8);
  });

  it('prints no text under 6.5 pt and no body text under 9 pt, even in the pseudo-locale', () => {
    for (const [deck, r] of found) {
      const smallest = Math.min(...r.all.map((t) => t.fontSize));
      expect(smallest, deck).toBeGreaterThanOrEqual(6.5);
      expect(r.body.length, deck).toBeGreaterThan(48);
      for (const t of r.body) expect(t.fontSize, `${deck}: ${t.str}`).toBeGreaterThanOrEqual(9);
    }
  });
});

describe('a card number', () => {
  it('never fails to fit: the id bk-bidrage-x8 gives BK-SCQ, printed whole on both sides', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', /id: bk-bidrage$/m, 'id: bk-bidrage-x8');
    const built = await buildInto({ content: dir, only: 'cards' });
    const pdf = await readPdf(built.read('da', FILE));
    const shown = pdf.pages.flatMap((p) => p.texts).filter((t) => t.str === 'BK-SCQ');
    expect(shown).toHaveLength(2);
    expect(sizes(shown)).toEqual([7]);
  }, 60_000);
});
