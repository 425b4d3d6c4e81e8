import { describe, expect, it } from 'vitest';
import { canonicalLanguage, isKnownLanguage, ISO_639_1 } from '../src/i18n/language-code.js';

// isKnownLanguage answers two-letter codes from a list, without loading ICU's names: the list
// must say what ICU itself says.

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

describe('known languages', () => {
  it('every code of the list is a canonical tag that Intl.DisplayNames names', () => {
    for (const code of ISO_639_1) {
      expect(canonicalLanguage(code), code).toBe(code);
      expect(names.of(code), code).toBeDefined();
    }
  });

  it('every two-letter code answers as Intl.DisplayNames does, and so do longer ones', () => {
    for (let a = 97; a < 123; a++) {
      for (let b = 97; b < 123; b++) {
        const code = String.fromCharCode(a, b);
        if (canonicalLanguage(code) !== code) continue;
        expect(isKnownLanguage(code), code).toBe(names.of(code) !== undefined);
      }
    }
    for (const tag of ['kal', 'fil', 'pt-BR', 'sr-Latn', 'qps']) expect(isKnownLanguage(tag), tag).toBe(true);
    for (const tag of ['xx', 'dk', 'qqq']) expect(isKnownLanguage(tag), tag).toBe(false);
  });
});
