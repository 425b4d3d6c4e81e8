import { fingerprint, type Catalog, type Expected } from './catalog.js';
import { readJson, stateFile, writeJson } from './files.js';

/**
 * What kernekit has seen of each translation: per language and key, "<fingerprint of the
 * Danish> <fingerprint of the translation>" from the first run that met that translation.
 * Recorded by every status, extract and build, whichever tool edited the file, and kept in
 * `.kernekit/` where no translation tool looks.
 */
interface State {
  version: 1;
  languages: Record<string, Record<string, string>>;
}

/**
 * Records the translations not seen before (new, or edited since) against today's Danish,
 * and returns the keys whose Danish changed since their translation was recorded: stale
 * until the translation is edited. Writing is best effort: a read-only content folder
 * only loses the record, never the build.
 */
export function observeTranslations(contentDir: string, language: string, expected: Map<string, Expected>, target: Catalog): string[] {
  const file = stateFile(contentDir);
  const state = (readJson(file)?.value as State | undefined) ?? { version: 1, languages: {} };
  const before = state.languages[language] ?? {};
  const seen: Record<string, string> = {};
  const stale: string[] = [];
  for (const [key, want] of expected) {
    const text = target.get(key);
    if (text === undefined || text.trim() === '') continue;
    const [source, translation] = (before[key] ?? '').split(' ');
    if (translation === fingerprint(text)) {
      seen[key] = before[key]!;
      if (source !== fingerprint(want.source)) stale.push(key);
    } else {
      seen[key] = `${fingerprint(want.source)} ${fingerprint(text)}`;
    }
  }
  const languages = { ...state.languages, [language]: seen };
  state.languages = Object.fromEntries(Object.entries(languages).filter(([, keys]) => Object.keys(keys).length > 0).sort(([a], [b]) => a.localeCompare(b)));
  try {
    writeJson(contentDir, file, state);
  } catch {
    // Read-only checkout (CI): nothing new is recorded this time.
  }
  return stale;
}
