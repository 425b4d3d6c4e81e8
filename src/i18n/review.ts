import type { Kit } from '../content/model.js';
import { InputError, type Problem } from '../content/problems.js';
import { splitKey } from './catalog.js';
import { locateText, SOURCE_LANGUAGE, translationFile } from './files.js';
import type { Localization } from './localization.js';
import { PSEUDO_LANGUAGE } from './pseudo.js';
import { languageStatus } from './status.js';

const braces = (names: string[]) => (names.length ? names.map((n) => `{{${n}}}`).join(' ') : 'none');

/**
 * What every build (and validate) checks of the languages it prints, every problem at once:
 * a placeholder that differs from the Danish (it would print "{{sida}}" or drop a number),
 * naming file, line and key, and each character the fonts cannot print. The translators'
 * own lines come first, before the Danish texts and the dates and numbers the language's
 * conventions write. Returns, per language, the keys that went stale since they were translated.
 */
export function reviewTranslations(kit: Kit, contentDir: string, locs: readonly Localization[]): Map<string, string[]> {
  const stale = new Map<string, string[]>();
  const ours: Problem[] = [];
  const others: Problem[] = [];
  for (const loc of locs) {
    const { language } = loc;
    if (language !== SOURCE_LANGUAGE && language !== PSEUDO_LANGUAGE) {
      const s = languageStatus(kit, contentDir, language);
      if (s.stale.length > 0) stale.set(language, s.stale);
      for (const p of s.placeholders) {
        const { ns, key } = splitKey(p.key);
        const place = s.places[p.key];
        ours.push({
          ...(place ? { ...place, column: 1 } : locateText(translationFile(contentDir, language, ns), p.text)),
          field: key,
          message: `The placeholders must be ${braces(p.expected)}${p.optional.length ? ` (${braces(p.optional)} may be left out)` : ''}, as in the Danish; the translation has ${braces(p.found)}. Keep each {{name}} exactly as it is and translate only the words around it.`,
          rule: 'placeholder-mismatch',
        });
      }
    }
    try {
      loc.checkGlyphs();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const translators = err.problems.filter((p) => isTranslation(p.file));
      ours.push(...translators);
      others.push(...err.problems.filter((p) => !translators.includes(p) && !others.some((q) => q.file === p.file && q.line === p.line && q.message === p.message)));
    }
  }
  if (ours.length + others.length > 0) throw new InputError([...ours, ...others]);
  return stale;
}

/** Whether a file is a translation's (under locales/), not the Danish source or the kit's. */
const isTranslation = (file: string) => /(^|[\\/])locales[\\/]/.test(file);
