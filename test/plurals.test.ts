import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatten } from '../src/i18n/catalog.js';
import { pluralCategory, pluralForm } from '../src/i18n/plurals.js';
import { cli } from './helpers/cli.js';
import { CONTENT, contentCopy } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { readPdf } from './helpers/pdf.js';

const danish = new Map(flatten(JSON.parse(readFileSync(join(CONTENT, 'source-da/labels.json'), 'utf8'))));
/** Danish plural groups: base key → the forms Danish has. */
const groups = new Map<string, string[]>();
for (const key of danish.keys()) {
  const form = pluralForm(key);
  if (form) groups.set(form.base, [...(groups.get(form.base) ?? []), form.category]);
}

/**
 * Placeholders that hold something other than a count of things: identifiers (exercise,
 * group and page number, a position in a list), text, measurements with a unit symbol (mm,
 * min), clock times, lists of numbers ("1 og 4"), and phrases that are themselves made from
 * count labels ("48 kort").
 */
const NOT_A_COUNT = ['version', 'number', 'title', 'kit', 'code', 'paper', 'width', 'height', 'bleed', 'page', 'source', 'note', 'details', 'start', 'text', 'claim', 'from', 'to', 'min', 'name', 'author', 'date', 'title', 'size', 'organisation', 'margin', 'cards', 'sheets', 'perSheet', 'sets', 'pages', 'participants', 'questions', 'perspectives', 'smallest', 'largest', 'list', 'quote', 'groups', 'time', 'length', 'total', 'label', 'position', 'breakMax', 'minutesMax', 'file', 'per'];

describe('Danish labels', () => {
  it('carry every count as {{count}} in a plural group, with no bare key beside its forms', () => {
    expect(groups.size).toBeGreaterThanOrEqual(20);
    for (const [base, forms] of groups) {
      expect(forms.sort(), base).toEqual(['one', 'other']);
      expect(danish.has(base), `${base} is both a plain label and a plural group`).toBe(false);
    }
    for (const [key, text] of danish) {
      for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) {
        if (name === 'count') expect(pluralForm(key), `${key} shows a count but is no plural group`).toBeDefined();
        else expect(NOT_A_COUNT, `${key}: {{${name}}} looks like a count; make the label a plural group on {{count}}`).toContain(name);
      }
    }
  });

  it('make "1 card per sheet" read right in English', async () => {
    const dir = contentCopy();
    const out = join(tempDir('plurals'), 'out');
    // A card this large fits once on an A4 sheet.
    expect((await cli(['build', '--content', dir, '--out', out, '--lang', 'en', '--only', 'cards', '--card-size', '150x200', '--quiet'])).code).toBe(0);
    const first = (await readPdf(join(out, 'en', 'spoergsmaalskort.pdf'))).pages[0]!.text;
    expect(first).toMatch(/48 cards on 48 sheets of A4, 1 card per sheet/);
  });
});

describe('a Ukrainian translation', () => {
  const dir = contentCopy('uk');
  const out = join(tempDir('uk'), 'out');
  const text: Record<string, string> = {};
  beforeAll(async () => {
    const r = await cli(['build', '--content', dir, '--out', out, '--lang', 'uk', '--only', 'cards,actors,guide', '--participants', '21', '--groups', '3', '--quiet']);
    expect(r.code, r.err).toBe(0);
    for (const file of ['spoergsmaalskort.pdf', '360-graders-blik.pdf', 'facilitatorguide.pdf']) text[file] = (await readPdf(join(out, 'uk', file))).pages.map((p) => p.text).join('\n');
  }, 180_000);

  it('gets one, few and many for every count label from extract, and nothing Ukrainian lacks', async () => {
    const fresh = contentCopy();
    expect((await cli(['i18n', 'extract', '--lang', 'uk', '--content', fresh])).code).toBe(0);
    const keys = new Set(flatten(JSON.parse(readFileSync(join(fresh, 'locales/uk/labels.json'), 'utf8'))).map(([k]) => k));
    for (const base of groups.keys()) {
      for (const form of ['one', 'few', 'many']) expect(keys.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
      for (const form of ['zero', 'two', 'other']) expect(keys.has(`${base}_${form}`)).toBe(false);
    }
  });

  it('is counted complete for its plural groups by status, with no form called extra', async () => {
    const r = await cli(['i18n', 'status', '--json', '--lang', 'uk', '--content', dir]);
    const uk = JSON.parse(r.out).languages[0] as { missing: string[]; extra: string[]; placeholders: unknown[] };
    expect(uk.extra).toEqual([]);
    expect(uk.placeholders).toEqual([]);
    for (const base of groups.keys()) expect(uk.missing.filter((k) => k.startsWith(`labels:${base}_`)), base).toEqual([]);
  });

  it('prints each count in its own plural form in the PDFs', () => {
    const cards = { one: 'картка', few: 'картки', many: 'карток' } as Record<string, string>;
    const sheets = { one: 'аркуш', few: 'аркуші', many: 'аркушів' } as Record<string, string>;
    const line = /(\d+) (\S+); (\d+) (\S+) A4, по (\d+) (\S+) на аркуші/.exec(text['spoergsmaalskort.pdf']!);
    expect(line, 'the deck says how many cards on how many sheets').not.toBeNull();
    const [, total, totalWord, sheetCount, sheetWord, perSheet, perSheetWord] = line!;
    expect(total).toBe('48');
    expect(totalWord).toBe(cards[pluralCategory('uk', 48)]);
    expect(sheetWord).toBe(sheets[pluralCategory('uk', Number(sheetCount))]);
    expect(perSheetWord).toBe(cards[pluralCategory('uk', Number(perSheet))]);
    expect(text['facilitatorguide.pdf']).toContain('21 учасник у 3 групах по 7');
    // With --groups the materials lists count the print pack's sheets and pages.
    const packRows = [...text['facilitatorguide.pdf']!.matchAll(/(\d+) (аркуш|аркуші|аркушів) \((\d+) (сторінка|сторінки|сторінок)\)/g)];
    expect(packRows.length).toBeGreaterThan(1);
    for (const [, n, word, pages, pagesWord] of packRows) {
      expect(word, `${n} sheets`).toBe(sheets[pluralCategory('uk', Number(n))]);
      expect(pagesWord, `${pages} pages`).toBe(({ one: 'сторінка', few: 'сторінки', many: 'сторінок' } as Record<string, string>)[pluralCategory('uk', Number(pages))]);
    }
    const forms: Record<string, string> = { one: 'питання', few: 'питання', many: 'питань' };
    const counted = [...text['360-graders-blik.pdf']!.matchAll(/(\d+) (питання|питань)/g)];
    expect(counted.length).toBeGreaterThan(3);
    for (const [, n, word] of counted) expect(word, `${n} questions`).toBe(forms[pluralCategory('uk', Number(n))]);
    for (const [, n, word] of text['facilitatorguide.pdf']!.matchAll(/(\d+) (сторінка|сторінки|сторінок)/g)) {
      expect(word, `${n} pages`).toBe(({ one: 'сторінка', few: 'сторінки', many: 'сторінок' } as Record<string, string>)[pluralCategory('uk', Number(n))]);
    }
    for (const pdf of Object.values(text)) expect(pdf).not.toContain('{{');
  });

  it('writes its dates the Ukrainian way, without a doubled full stop', () => {
    expect(text['facilitatorguide.pdf']).toContain('3 березня 2015.');
    expect(text['facilitatorguide.pdf']).not.toContain('р..');
  });
});
