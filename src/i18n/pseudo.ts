/**
 * The pseudo-locale `qps`: every string made at least 40 % longer, with accented letters
 * and visible brackets, placeholders untouched. A kit that builds in it survives long
 * languages, and any text that skipped translation stands out unaccented.
 */
export const PSEUDO_LANGUAGE = 'qps';

const ACCENTS: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', c: 'ç', n: 'ñ', s: 'š', z: 'ž', g: 'ğ', l: 'ĺ', r: 'ŕ', d: 'ď', t: 'ť',
  A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý', C: 'Ç', N: 'Ñ', S: 'Š', Z: 'Ž', G: 'Ğ', L: 'Ĺ', R: 'Ŕ', D: 'Ď', T: 'Ť',
};
const FILLER = ['ĺóŕéñ', 'íšúñ', 'ďóĺóŕ', 'šíť', 'áñéť'];
const PLACEHOLDER = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;

export function pseudo(text: string): string {
  const body = text
    .split(PLACEHOLDER)
    .map((part) => (PLACEHOLDER.test(part) ? part : [...part].map((ch) => ACCENTS[ch] ?? ch).join('')))
    .join('');
  const target = Math.ceil(text.length * 1.4);
  const padding: string[] = [];
  let length = body.length + 2;
  for (let i = 0; length < target; i++) {
    const word = FILLER[i % FILLER.length]!;
    padding.push(word);
    length += word.length + 1;
  }
  return `[${body}${padding.length ? ' ' + padding.join(' ') : ''}]`;
}
