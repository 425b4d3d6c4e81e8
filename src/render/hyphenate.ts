import { host } from '../host/host.js';
import { breakablePieces } from './line-breaks.js';
import { needsFallback } from './font-runs.js';
import { runDirection } from './run-direction.js';
import { roughWidth, textWidth, type TextStyle } from './text-metrics.js';

const SOFT = '\u00AD';
const ROUGH_MARGIN = 1.1;

type Syllabify = (word: string) => string[];
const syllabifiers = new Map<string, Syllabify>();

/** Hyphenation by the language's patterns; a language without patterns breaks between letters. */
function syllabifier(language: string): Syllabify {
  let s = syllabifiers.get(language);
  if (!s) {
    const patterns = host.hyphenation(language.split('-')[0]!);
    if (patterns) {
      const { hyphenateSync } = patterns;
      s = (word) => hyphenateSync(word, { hyphenChar: SOFT, minWordLength: 4 }).split(SOFT);
    } else {
      s = (word) => [...word];
    }
    syllabifiers.set(language, s);
  }
  return s;
}

/**
 * pdfmake breaks an over-long word between any two letters and draws no hyphen (it also
 * ignores soft hyphens). So a word wider than the line is split here, at a hyphenation
 * point, with a real hyphen; the hyphen is itself a line-break opportunity, and each piece
 * is as long as fits a full line, so every inserted hyphen ends a line. Words are what lies
 * between the line-break opportunities pdfmake itself finds: a Chinese or Japanese text is
 * never a long word, as its lines break between characters.
 */
export function breakLongWords(text: string, lineWidth: number, style: TextStyle, language: string): string {
  // A text the typeface draws alone is as wide by its letters as all its words together, so
  // when that fits a line no word of it can be too long (three texts in four on a deck's cards).
  if (!needsFallback(text) && roughWidth(text, style) * ROUGH_MARGIN <= lineWidth) return text;
  const fits = (word: string) => roughWidth(word, style) * ROUGH_MARGIN <= lineWidth || textWidth(word, style) <= lineWidth;
  return breakablePieces(text)
    .map((piece) =>
      // Kerning changes a word's width by a few per cent at most, so a word well inside the
      // line by its letters' widths needs no shaping. Of a word too wide, only what lies
      // between its hyphens, slashes and no-break spaces is split.
      // Right-to-left words are never split: a hyphen and its place are left-to-right conventions.
      fits(piece.trimEnd()) ? piece : piece.replace(/[^\s\-/]+/g, (part) => (fits(part) || runDirection(part) === 'rtl' ? part : splitWord(part, lineWidth, style, language))),
    )
    .join('');
}

function splitWord(word: string, lineWidth: number, style: TextStyle, language: string): string {
  const syllables = syllabifier(language)(word).flatMap((syl) => (textWidth(syl + '-', style) > lineWidth ? [...syl] : [syl]));
  const pieces: string[] = [];
  let current = '';
  for (const syl of syllables) {
    if (current && textWidth(current + syl + '-', style) > lineWidth) {
      pieces.push(current + '-');
      current = syl;
    } else {
      current += syl;
    }
  }
  pieces.push(current);
  return pieces.join('');
}
