import type { Kit } from '../content/model.js';
import { InputError, type Problem } from '../content/problems.js';
import { splitKey } from './catalog.js';
import { locateText, SOURCE_LANGUAGE, translationFile } from './files.js';
import { PSEUDO_LANGUAGE } from './pseudo.js';
import { languageStatus } from './status.js';

const braces = (names: string[]) => (names.length ? names.map((n) => `{{${n}}}`).join(' ') : 'none');

/**
 * What every build checks of the translations it prints: a placeholder that differs from
 * the Danish stops it (it would print "{{sida}}" or drop a number), naming file, line and
 * key. Returns, per language, the keys that went stale since they were translated.
 */
export function reviewTranslations(kit: Kit, contentDir: string, languages: string[]): Map<string, string[]> {
  const stale = new Map<string, string[]>();
  const problems: Problem[] = [];
  for (const language of languages) {
    if (language === SOURCE_LANGUAGE || language === PSEUDO_LANGUAGE) continue;
    const s = languageStatus(kit, contentDir, language);
    if (s.stale.length > 0) stale.set(language, s.stale);
    for (const p of s.placeholders) {
      const { ns, key } = splitKey(p.key);
      problems.push({
        ...locateText(translationFile(contentDir, language, ns), p.text),
        field: key,
        message: `The placeholders must be ${braces(p.expected)}${p.optional.length ? ` (${braces(p.optional)} may be left out)` : ''}, as in the Danish; the translation has ${braces(p.found)}. Keep each {{name}} exactly as it is and translate only the words around it.`,
        rule: 'placeholder-mismatch',
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return stale;
}
