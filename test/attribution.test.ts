import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { allActors, exerciseItems, type Item } from '../src/content/model.js';
import { deckCards } from '../src/content/deck.js';
import { worksheetFile } from '../src/documents/worksheets/plan.js';
import { localize, type Localization } from '../src/i18n/translator.js';
import { buildInto } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { element, htmlText } from './helpers/html.js';
import { normalize, readPdf, type PdfFile } from './helpers/pdf.js';

const kit = loadKit(CONTENT);

/** Whose words each card carries, read straight from the content, not from the code under test. */
function cardOrigin(id: string): Item['origin'] {
  for (const e of kit.exercises) {
    const item = exerciseItems(e).find((i) => i.id === id);
    if (item) return item.origin;
  }
  // The 360° checklist is Fremfærd's; the misunderstandings are the kit's own wording.
  if (allActors(kit).some((a) => [...a.reflection, ...a.dialogue].some((q) => q.id === id))) return 'seed';
  return 'kit';
}

const seedLine = (loc: Localization) => normalize(loc.kit.meta.source.short);
const ownLine = (loc: Localization) => normalize(loc.t('document.ownText'));

/** Asserts that `text` says exactly what `origins` call for: Fremfærd only where Fremfærd's words are. */
function expectAttribution(text: string, origins: Set<Item['origin']>, loc: Localization, what: string): void {
  const t = normalize(text);
  if (!origins.has('kit')) expect(t, what).toContain(seedLine(loc));
  else if (!origins.has('seed')) {
    expect(t, what).toContain(ownLine(loc));
    expect(t, what).not.toContain(loc.kit.meta.source.publisher);
  } else expect(t, what).toContain(normalize(loc.t('document.mixedText', { source: loc.kit.meta.source.short, quote: loc.t('guide.quote', { text: '…' }) })));
}

describe.each(['da', 'qps'])('whose words, in %s', (lang) => {
  const loc = localize(kit, CONTENT, lang);
  const cards = deckCards(kit);
  let read: (file: string) => Buffer;
  let deck: PdfFile;
  beforeAll(async () => {
    // One card a page (front, then back) lets each page be read as one card.
    const built = await buildInto({ only: 'cards,worksheets,handout,poster', imposition: 'single', lang });
    read = (file) => built.read(lang, file);
    deck = await readPdf(read('spoergsmaalskort.pdf'));
  }, 240_000);

  it('credits Fremfærd on a printed card only when the card carries Fremfærd\'s text, front and back', () => {
    expect(deck.pages).toHaveLength(2 * cards.length);
    cards.forEach((card, i) => {
      const origin = cardOrigin(card.id);
      const front = deck.pages[2 * i]!.text;
      expect(normalize(front), card.id).toContain(normalize(card.number));
      expectAttribution(front, new Set([origin]), loc, `${card.id} front`);
      if (card.kind === 'misunderstanding') expectAttribution(deck.pages[2 * i + 1]!.text, new Set([origin]), loc, `${card.id} back`);
    });
    // The kit's own questions the issue found credited to Fremfærd.
    expect(cards.filter((c) => cardOrigin(c.id) === 'kit').length).toBeGreaterThan(0);
  });

  it('says the same per card in the deck\'s HTML edition', () => {
    const html = read('spoergsmaalskort.html').toString('utf8');
    for (const card of cards) {
      const article = element(html, new RegExp(`<article[^>]*aria-labelledby="${card.id}"[^>]*>`))!;
      expectAttribution(htmlText(article), new Set([cardOrigin(card.id)]), loc, card.id);
    }
  });

  it('names on each worksheet page, and in its HTML section, whose words the sheet carries', async () => {
    for (const exercise of kit.exercises) {
      const items = new Map(exerciseItems(exercise).map((i) => [i.id, i.origin]));
      const pdf = await readPdf(read(worksheetFile(exercise.id)));
      const html = read(worksheetFile(exercise.id).replace(/\.pdf$/, '.html')).toString('utf8');
      expect(pdf.pages).toHaveLength(exercise.worksheets.length);
      exercise.worksheets.forEach((sheet, i) => {
        // A sheet's frame (title, task, own prompts) is the kit's; its focus and referred prompts are the exercise's items.
        const refs = [sheet.focus, ...sheet.prompts.map((p) => ('ref' in p ? p.ref : undefined))].filter((r): r is string => r !== undefined);
        const origins = new Set<Item['origin']>(['kit', ...refs.map((r) => items.get(r)!)]);
        expectAttribution(pdf.pages[i]!.text, origins, loc, sheet.id);
        expectAttribution(htmlText(element(html, new RegExp(`<section[^>]*aria-labelledby="${sheet.id}"[^>]*>`))!), origins, loc, `${sheet.id} (HTML)`);
      });
    }
  });

  it('credits Fremfærd on the poster (the checklist, word for word) and not on the handout (the kit\'s own wording)', async () => {
    const poster = await readPdf(read('plakat-360.pdf'));
    expectAttribution(poster.pages[0]!.text, new Set(['seed']), loc, 'poster');
    const handout = await readPdf(read('misforstaaelser.pdf'));
    expect(normalize(handout.pages[0]!.text)).toContain(ownLine(loc));
    expect(normalize(handout.pages[0]!.text)).not.toContain(seedLine(loc));
    expect(htmlText(read('misforstaaelser.html').toString('utf8'))).toContain(ownLine(loc));
  });
});
