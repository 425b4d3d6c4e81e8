import { describe, expect, it } from 'vitest';
import { visualOrder, type BidiLine, type Inline } from '../src/render/bidi-lines.js';
import { LEFT_EDGE, RIGHT_EDGE, leftEnd, lines, readRtl, render, rightEnd } from './helpers/rtl.js';

describe('right-to-left lines', () => {
  it('an Arabic sentence with a number and a Latin unit reads in logical order and ends at the right margin', async () => {
    const page = await render('ar', [{ text: 'قياس البطاقة 63 × 88 mm هل هذا صحيح؟' }]);
    const [line] = lines(page.texts);
    expect(rightEnd(line!)).toBeCloseTo(RIGHT_EDGE, 0);
    expect(readRtl(line!).replace(/\s+/g, ' ')).toBe('قياس البطاقة 63 × 88 mm هل هذا صحيح؟');
    // A screen reader and a copy take the words in the order they are drawn: as written.
    expect(page.text).toBe('قياس البطاقة 63 × 88 mm هل هذا صحيح؟');
  });

  it('Persian digits keep their order: "۶۳ × ۸۸ mm" is read as written', async () => {
    const page = await render('fa', [{ text: 'اندازه کارت ۶۳ × ۸۸ mm است.' }]);
    const [line] = lines(page.texts);
    expect(rightEnd(line!)).toBeCloseTo(RIGHT_EDGE, 0);
    expect(readRtl(line!).replace(/\s+/g, ' ')).toBe('اندازه کارت ۶۳ × ۸۸ mm است.');
    expect(page.text).toBe('اندازه کارت ۶۳ × ۸۸ mm است.');
  });

  it('a paragraph over several lines: each ends at the right margin, its words in order with the spaces between them', async () => {
    const words = 'هذا نص طويل يكفي كي ينكسر على عدة أسطر في الصفحة، ويبين أن كل سطر ينتهي عند الهامش وأن المسافة بين الكلمات باقية في مكانها.';
    const page = await render('ar', [{ text: words }]);
    const rows = lines(page.texts);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(rightEnd(row)).toBeCloseTo(RIGHT_EDGE, 0);
      // A space between every two words, the last word of the line too.
      row.slice(1).forEach((word, i) => expect(word.x - (row[i]!.x + row[i]!.width), `before "${word.str}"`).toBeGreaterThan(1.5));
    }
    // The last line is short: it starts at the right and stops well short of the left margin.
    expect(leftEnd(rows.at(-1)!)).toBeGreaterThan(LEFT_EDGE + 20);
    expect(rows.map(readRtl).join(' ').replace(/\s+/g, ' ')).toBe(words);
    expect(page.text).toBe(words);
  });

  it('a Danish fallback paragraph in an Arabic document stays left to right, its full stop at its end, on the right side', async () => {
    const danish = 'Kilde: Fremfærd, 2015.';
    const page = await render('ar', [{ text: danish }], [danish]);
    const [line] = lines(page.texts);
    expect(line!.map((t) => t.str).join('')).toBe(danish);
    expect(rightEnd(line!)).toBeCloseTo(RIGHT_EDGE, 0);
  });

  it('so does a paragraph of Danish runs, a label and a title, with its question mark at its end', async () => {
    const page = await render('ar', [{ text: [{ text: 'Øvelse 1', bold: true }, '  ', 'Hvem definerer kerneopgaven?'] }], ['Øvelse 1', 'Hvem definerer kerneopgaven?']);
    const [line] = lines(page.texts);
    expect(line!.map((t) => t.str).join(' ').replace(/\s+/g, ' ')).toBe('Øvelse 1 Hvem definerer kerneopgaven?');
    expect(rightEnd(line!)).toBeCloseTo(RIGHT_EDGE, 0);
  });

  it('a Danish document is drawn left to right from the left margin, as ever', async () => {
    const page = await render('da', [{ text: 'Hvem kan hjælpe? Kortet måler 63 × 88 mm.' }]);
    const [line] = lines(page.texts);
    expect(leftEnd(line!)).toBeCloseTo(LEFT_EDGE, 0);
    expect(line!.map((t) => t.str).join('')).toBe('Hvem kan hjælpe? Kortet måler 63 × 88 mm.');
  });
});

/** Inlines of one letter per point, as pdfmake measures them. */
function fakeLine(texts: string[]): BidiLine {
  const font = { widthOfString: (text: string) => [...text].length };
  let x = 0;
  const inlines = texts.map((text): Inline => {
    const inline = { text, width: [...text].length, x, fontSize: 1, font };
    x += inline.width;
    return inline;
  });
  const trailing = texts.at(-1)!.match(/\s+$/)?.[0].length ?? 0;
  return { inlines, inlineWidths: x, leadingCut: 0, trailingCut: trailing };
}

describe('visual order of a line (UAX #9)', () => {
  it('sets the words of a right-to-left line from the right, a number left to right among them, brackets mirrored, and keeps them in logical order', () => {
    const line = fakeLine(['كلمة ', '(أخرى) ', '12 ', 'ثالثة ']);
    visualOrder(line, 'rtl');
    // Each right-to-left word is drawn from its logical text, reversed by the shaper; "(" and ")" swap.
    expect(line.inlines.map((i) => i.text)).toEqual(['كلمة ', ')أخرى( ', '12', ' ', 'ثالثة ']);
    // From the right: the first word ends the line; the line's last space lies left of the last word, outside the line.
    expect(line.inlines.map((i) => i.x)).toEqual([15, 8, 6, 5, -1]);
  });

  it('a run of punctuation alone at a right-to-left level is reversed here, as the shaper keeps its order', () => {
    const line = fakeLine(['كلمة', '...!', 'ثانية']);
    visualOrder(line, 'rtl');
    expect(line.inlines.map((i) => i.text)).toEqual(['كلمة', '!...', 'ثانية']);
    expect(line.inlines.map((i) => i.x)).toEqual([9, 5, 0]);
  });

  it('leaves a left-to-right line without right-to-left letters untouched, object for object', () => {
    const line = fakeLine(['Hvem ', 'kan ', 'hjælpe?']);
    const before = [...line.inlines];
    visualOrder(line, 'ltr');
    expect(line.inlines).toEqual(before);
    line.inlines.forEach((inline, i) => expect(inline).toBe(before[i]));
  });
});
