import { resolve } from 'node:path';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { loadKit } from '../content/load.js';
import { UsageError } from '../content/problems.js';
import { extract } from '../i18n/extract.js';
import { hasTranslation, languageOption, noTranslation, SOURCE_LANGUAGE, translatedLanguages } from '../i18n/language-code.js';
import { isDefaultContent } from '../kit-paths.js';
import { printJson } from '../json-output.js';
import { shown } from '../i18n/files.js';
import { GATES, parseGates, type Gate } from '../i18n/gates.js';
import { failedGates, languageStatus, type LanguageStatus } from '../i18n/status.js';

export function runStatus(args: { content: string; lang?: string; strict: boolean; 'fail-on'?: string; json?: boolean }, io: Io): number {
  try {
    const gates = parseGates(args['fail-on'], args.strict);
    const languages = args.lang ? languageOption(args.lang) : translatedLanguages(args.content);
    for (const language of languages) {
      if (language === SOURCE_LANGUAGE) throw new UsageError('Danish (da) is the source language; name a translation, e.g. --lang en.');
      if (!hasTranslation(args.content, language)) throw new UsageError(`--lang ${noTranslation(args.content, language)}`);
    }
    const kit = loadKit(args.content);
    const statuses = languages.map((l) => languageStatus(kit, args.content, l));
    const failed = statuses.map((s) => ({ s, gates: failedGates(s, gates) }));
    const ok = failed.every((f) => f.gates.length === 0);
    if (args.json) {
      const languagesJson = failed.map(({ s, gates: g }) => ({ ...s, percent: share(s), complete: failedGates(s, GATES).length === 0, failed: g }));
      printJson(io, 'i18n status', { failOn: gates, ok, languages: languagesJson });
    } else if (statuses.length === 0) {
      io.out('No translations yet. Start one with: kernekit i18n extract --lang en');
    } else {
      for (const { s, gates: g } of failed) report(s, g, io);
    }
    return ok ? 0 : 1;
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'i18n status' } : undefined);
  }
}

const share = (s: LanguageStatus) => (s.total === 0 ? 100 : Math.floor((s.translated / s.total) * 1000) / 10);

function report(s: LanguageStatus, failed: Gate[], io: Io): void {
  io.out(`${s.language}: ${share(s)} % translated (${s.translated} of ${s.total} keys, each plural form one)${failed.length ? ` — fails: ${failed.join(', ')}` : ''}`);
  const at = (key: string) => {
    const place = s.places[key];
    return place ? `${place.file}:${place.line} ${key}` : `${key} (not in the file yet: kernekit i18n extract --lang ${s.language} adds it)`;
  };
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    io.out(`  ${title} (${lines.length}):`);
    for (const line of lines) io.out(`    ${line}`);
  };
  const braces = (names: string[]) => (names.length ? names.map((n) => `{{${n}}}`).join(' ') : 'none');
  section('missing, printed in Danish', s.missing.map(at));
  section('stale: the Danish changed after translation', s.stale.map(at));
  section(
    'placeholders differ from the Danish (the build stops on these)',
    s.placeholders.map((p) => `${at(p.key)}: must have ${braces(p.expected)}${p.optional.length ? ` (may have ${braces(p.optional)})` : ''}, has ${braces(p.found)}`),
  );
  section('extra: not needed in this language, can be deleted', s.extra.map(at));
  section('to check (printed as they are)', s.warnings.map((w) => `${w.file}:${w.line} ${w.key}: ${w.message} [${w.rule}]`));
}

export function runExtract(args: { content: string; lang: string; json?: boolean }, io: Io): number {
  try {
    if (isDefaultContent(args.content)) throw new UsageError("There is no content/ folder here, and kernekit's own kit is not for editing. Make an editable copy first: npx kernekit init --copy content");
    const kit = loadKit(args.content);
    const languages = languageOption(args.lang);
    if (languages.includes(SOURCE_LANGUAGE)) throw new UsageError('Danish (da) is the source language: edit the YAML in content/ and content/source-da/labels.json directly.');
    const results = languages.map((language) => ({ language, ...extract(kit, args.content, language) }));
    if (args.json) {
      printJson(io, 'i18n extract', { content: resolve(args.content), languages: results.map((r) => ({ ...r, files: r.files.map((f) => resolve(f)) })) });
      return 0;
    }
    for (const r of results) {
      io.out(`${r.language}: ${r.translated} translated, ${r.untranslated} to translate.`);
      for (const f of r.files) io.out(`  wrote ${shown(f)}`);
    }
    return 0;
  } catch (err) {
    return reportError(err, io, args.json ? { command: 'i18n extract' } : undefined);
  }
}
