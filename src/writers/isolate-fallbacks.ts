import { SOURCE_LANGUAGE } from '../i18n/source-language.js';
import type { Localization } from '../i18n/translator.js';

/** The characters Handlebars escapes in {{value}}, as it escapes them: a text is found in the page as the layout wrote it. */
const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };
const escaped = (text: string) => text.replace(/[&<>"'`=]/g, (c) => ESCAPED[c]!);

/** Elements whose content is text that may not hold markup. */
const TEXT_ONLY = /^<(title|style|script|textarea|option)\b/i;

/**
 * A web page with each passage a language other than Danish prints in Danish (a fallback) marked
 * as Danish and isolated as left to right: `<span lang="da" dir="ltr">`. A screen reader
 * reads it in Danish, and in a right-to-left page its full stop and question mark stay at
 * its own end instead of jumping to the other. Found in the text between tags only (never
 * in an attribute or the title), longest passage first; a passage of a few letters
 * only where it is the whole text of an element, as it could be part of a word.
 */
export function isolateFallbacks(html: string, danish: Iterable<string>): string {
  const passages = [...new Set([...danish].map((t) => t.trim()).filter((t) => /\p{L}/u.test(t)))].map(escaped).sort((a, b) => b.length - a.length);
  if (passages.length === 0) return html;
  const whole = new Set(passages);
  const inside = passages.filter((p) => p.length >= 8);
  let skipUntil: string | undefined;
  return html.replace(/(<[^>]*>)|([^<]+)/g, (all, tag: string | undefined, text: string | undefined) => {
    if (tag !== undefined) {
      if (skipUntil && tag.toLowerCase().startsWith(skipUntil)) skipUntil = undefined;
      else if (!skipUntil && TEXT_ONLY.test(tag)) skipUntil = `</${TEXT_ONLY.exec(tag)![1]!.toLowerCase()}`;
      return all;
    }
    if (skipUntil || !/\p{L}/u.test(text!)) return all;
    const trimmed = text!.trim();
    if (whole.has(trimmed)) return text!.replace(trimmed, isolated(trimmed));
    return isolateInside(text!, inside);
  });
}

/** What the languages of a page printed in Danish for want of a translation (Danish itself prints none). */
export const fallbackPassages = (locs: readonly Localization[]): string[] =>
  locs.filter((loc) => loc.language !== SOURCE_LANGUAGE).flatMap((loc) => [...loc.fallbackTexts, ...loc.fallbackLabels]);

const isolated = (passage: string) => `<span lang="${SOURCE_LANGUAGE}" dir="ltr">${passage}</span>`;

/** The passages found in a text, longest first, each where it stands between non-letters. */
function isolateInside(text: string, passages: string[]): string {
  const taken: Array<[number, number]> = [];
  for (const p of passages) {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length)) {
      const end = at + p.length;
      const bounded = !/\p{L}/u.test(text[at - 1] ?? '') && !/\p{L}/u.test(text[end] ?? '');
      if (bounded && !taken.some(([a, b]) => at < b && end > a)) taken.push([at, end]);
    }
  }
  if (taken.length === 0) return text;
  let out = '';
  let from = 0;
  for (const [a, b] of taken.sort(([a], [b]) => a - b)) {
    out += text.slice(from, a) + isolated(text.slice(a, b));
    from = b;
  }
  return out + text.slice(from);
}
