import { host } from '../host/host.js';
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
 * is as long as fits a full line, so every inserted hyphen ends a line.
 */
export function breakLongWords(text: string, lineWidth: number, style: TextStyle, language: string): string {
  return text.replace(/[^\s]+/g, (token) => {
    // Kerning changes a word's width by a few per cent at most, so a word well inside the
    // line by its letters' widths needs no shaping.
    if (roughWidth(token, style) * ROUGH_MARGIN <= lineWidth || textWidth(token, style) <= lineWidth) return token;
    // Existing hyphens and slashes already let the line break; split only the parts between them.
    return token.replace(/[^-/]+/g, (part) => (textWidth(part, style) <= lineWidth ? part : splitWord(part, lineWidth, style, language)));
  });
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
