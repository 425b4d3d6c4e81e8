import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { actorViews } from '../src/documents/actors/views.js';
import { wheelSvg } from '../src/documents/wheel/svg.js';
import { hyphenPatterns } from '../src/host/hyphen-patterns.js';
import { localizeUnchecked } from '../src/i18n/translator.js';
import { breakLongWords } from '../src/render/hyphenate.js';
import { breakablePieces } from '../src/render/line-breaks.js';
import { buildInto } from './helpers/build.js';
import { contentCopy } from './helpers/content.js';
import { readPdf } from './helpers/pdf.js';
import { bundlePlanner } from './helpers/planner-bundle.js';

const style = { fontSize: 15, bold: false, italics: false };

/** Two long words, each with the points where its language may hyphenate it (by its syllables). */
const POLISH = { word: 'konstantynopolitańczykowianeczka', syllables: 'kon stan ty no po li tań czy ko wia necz ka' };
const TURKISH = { word: 'Çekoslovakyalılaştıramadıklarımızdanmışsınız', syllables: 'Çe kos lo vak ya lı laş tı ra ma dık la rı mız dan mış sı nız' };

/** Offsets in the word between two of its syllables. */
function syllableBounds({ syllables }: { syllables: string }): number[] {
  let at = 0;
  return syllables
    .split(' ')
    .slice(0, -1)
    .map((s) => (at += s.length));
}

/** Where `word` is broken across lines with a hyphen in `lines` (offsets in the word); it must be there. */
function hyphenatedAt(lines: string[], word: string): number[] {
  const pattern = new RegExp([...word].join('(?:-\\n)?'), 'u');
  const found = lines.join('\n').match(pattern);
  expect(found, `"${word}" is not in the text`).not.toBeNull();
  let at = 0;
  return found![0]
    .split('-\n')
    .slice(0, -1)
    .map((piece) => (at += piece.length));
}

describe('line-break opportunities (UAX #14)', () => {
  it('fall between Japanese characters, never before a closing bracket or full stop, never after an opening one', () => {
    const pieces = breakablePieces('改行は「文字」の間でできます。次の文。');
    expect(pieces.join('')).toBe('改行は「文字」の間でできます。次の文。');
    expect(pieces).toEqual(['改', '行', 'は', '「文', '字」', 'の', '間', 'で', 'で', 'き', 'ま', 'す。', '次', 'の', '文。']);
  });

  it('fall after the spaces and hyphens of Latin text, which each piece keeps', () => {
    expect(breakablePieces('Hvem kan MED-udvalget hjælpe?')).toEqual(['Hvem ', 'kan ', 'MED-', 'udvalget ', 'hjælpe?']);
  });
});

describe('over-long words', () => {
  it('a Japanese paragraph is never one: it is left for the lines to break between its characters, with no hyphen', () => {
    const paragraph = '中核的な業務について話し合うためのカードです。職員会議で使ってください。';
    expect(breakLongWords(paragraph, 60, style, 'ja')).toBe(paragraph);
  });

  for (const [language, long] of [
    ['pl', POLISH],
    ['tr', TURKISH],
  ] as const) {
    it(`a ${language} word breaks only between its syllables, by the language's patterns`, () => {
      for (const width of [60, 75, 90, 105, 120]) {
        const broken = breakLongWords(long.word, width, style, language);
        const points = hyphenatedAt(broken.replace(/-/g, '-\n').split('\n'), long.word);
        expect(points.length).toBeGreaterThan(0);
        for (const point of points) expect(syllableBounds(long), `${width} pt: ${broken}`).toContain(point);
      }
    });
  }

  it('the languages the kit is read in by Danish colleagues have their patterns', () => {
    for (const language of ['pl', 'tr', 'uk', 'ta', 'ru', 'ro', 'lt', 'bs', 'sr', 'ku', 'sq', 'hu', 'el']) {
      const hyphenate = hyphenPatterns(language)?.hyphenateSync;
      expect(hyphenate, language).toBeTypeOf('function');
    }
    expect(hyphenPatterns('pl')!.hyphenateSync('najprawdopodobniej', { hyphenChar: '|', minWordLength: 4 })).toBe('naj|praw|do|po|dob|niej');
  });
});

/** A content copy with a Polish and a Turkish translation of one card's question, each with a long word. */
function longWordContent(): string {
  const dir = contentCopy();
  const question = { pl: `Czy ${POLISH.word} współpracuje z nami?`, tr: `Siz ${TURKISH.word}, değil mi?` };
  for (const [language, text] of Object.entries(question)) {
    mkdirSync(join(dir, 'locales', language));
    writeFileSync(join(dir, 'locales', language, 'content.json'), JSON.stringify({ item: { 'pt-samarbejde': text } }));
  }
  return dir;
}

describe('a Polish and a Turkish deck', () => {
  it('break long words only between syllables, with a hyphen at the end of the line', async () => {
    const built = await buildInto({ content: longWordContent(), lang: 'pl,tr', only: 'cards', 'card-size': '50x90' });
    for (const [language, long] of [
      ['pl', POLISH],
      ['tr', TURKISH],
    ] as const) {
      const pdf = await readPdf(built.read(language, 'spoergsmaalskort.pdf'));
      const points = hyphenatedAt(
        pdf.pages.flatMap((p) => p.texts.map((t) => t.str)),
        long.word,
      );
      expect(points.length, language).toBeGreaterThan(0);
      for (const point of points) expect(syllableBounds(long), `${language}: ${long.word.slice(0, point)}-`).toContain(point);
    }
  });

  it('the planner page breaks them as the command line does: the same bytes', async () => {
    const content = longWordContent();
    const built = await buildInto({ content, lang: 'tr', only: 'cards' });
    const browser = await bundlePlanner('tr', content).deck({});
    expect(Buffer.compare(Buffer.from(browser), built.read('tr', 'spoergsmaalskort.pdf'))).toBe(0);
    const pdf = await readPdf(Buffer.from(browser));
    expect(hyphenatedAt(pdf.pages.flatMap((p) => p.texts.map((t) => t.str)), TURKISH.word).length).toBeGreaterThan(0);
  });
});

describe("the web pages' wheel", () => {
  it('wraps a Japanese actor name between its characters, each line within the label as a Danish one is', () => {
    const dir = contentCopy();
    const name = '労働組合の代表者と安全衛生委員';
    mkdirSync(join(dir, 'locales', 'ja'));
    writeFileSync(join(dir, 'locales', 'ja', 'content.json'), JSON.stringify({ actor: { tillidsrepraesentanter: { name } } }));
    const kit = loadKit(dir);
    // The kit's fonts have no Japanese: the wheel's labels are estimated, never drawn with them.
    const label = (language: string) => {
      const loc = localizeUnchecked(kit, dir, language);
      return wheelSvg(loc, actorViews(loc)).sectors[0]!.label;
    };
    const ja = label('ja');
    const lines = ja.lines.filter((l) => l.bold).slice(1).map((l) => l.text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(name);
    // "Tillidsrepræsentanter" is shrunk until it fills its label; a Japanese character is as wide as the type is tall.
    const da = label('da');
    const danishWidth = da.font * 0.6 * 'Tillidsrepræsentanter'.length;
    for (const line of lines) expect(ja.font * [...line].length).toBeLessThanOrEqual(danishWidth + 0.5);
  });
});
