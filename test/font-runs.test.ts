import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fontRuns, withFontRuns } from '../src/render/font-runs.js';
import { useFonts } from '../src/render/font-set.js';
import { unprintable } from '../src/render/unprintable.js';

// How a text is split by face before layout (render/font-runs.ts), read as the families each
// run is drawn with.
const families = (text: string) => fontRuns(text).map((run) => [run.text, run.face.family]);

const fontFile = (name: string) => {
  const file = join(import.meta.dirname, '../fonts', name);
  return { file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
};

afterEach(() => useFonts(undefined));

describe('runs of one face each', () => {
  it('leaves a text the typeface draws whole as it is, the very same content object', () => {
    expect(families('Kerneopgaven på dagsordenen – Ærø, Київ, Αθήνα')).toEqual([['Kerneopgaven på dagsordenen – Ærø, Київ, Αθήνα', 'SourceSans3']]);
    const content = { stack: [{ text: 'Øvelse 1', bold: true }, 'Hvem definerer kerneopgaven?'] };
    expect(withFontRuns(content)).toBe(content);
  });

  it('draws Ethiopic and Arabic from their faces, spaces staying in the run they stand in, the rest in the typeface', () => {
    expect(families('Øvelse 1: ቀንዲ ዕማም')).toEqual([
      ['Øvelse 1: ', 'SourceSans3'],
      ['ቀንዲ ዕማም', 'NotoSansEthiopic'],
    ]);
    expect(families('بطاقات (Danish)')[0]).toEqual(['بطاقات ', 'NotoSansArabic']);
    expect(fontRuns('Hej ሰላም ⚡').map((r) => r.text).join('')).toBe('Hej ሰላም ⚡');
    // A character no face has is the glyph check's to refuse.
    expect(unprintable('ሰላም ⚡')).toBe('U+26A1 "⚡"');
  });

  it('gives each run of an inline its style, since pdfmake drops the style of an inline’s own list', () => {
    const split = withFontRuns({ text: ['Se ', { text: 'ካርድታት ሕቶ', bold: true, link: 'x' }] });
    expect(split).toEqual({ text: ['Se ', [{ text: 'ካርድታት ሕቶ', bold: true, link: 'x', font: 'NotoSansEthiopic' }]] });
  });

  it('looks behind a brand typeface in the kit’s own for what the brand font lacks', () => {
    // Noto Sans Ethiopic as a "brand" font: it has no Latin letters.
    useFonts({ typeface: { normal: fontFile('NotoSansEthiopic-Regular.ttf') }, fonts: [] });
    const [latin, ethiopic] = families('Hej ሰላም');
    expect(latin).toEqual(['Hej ', 'SourceSans3']);
    expect(ethiopic![1]).toMatch(/^typeface-/);
  });
});
