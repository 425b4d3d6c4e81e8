import { relative, resolve } from 'node:path';
import { reportError } from '../report-error.js';
import type { Io } from '../terminal.js';
import { loadKit } from '../content/load.js';
import { UsageError } from '../content/problems.js';
import { extract } from '../i18n/extract.js';
import { isComplete, languageStatus, type LanguageStatus } from '../i18n/status.js';
import { hasTranslation, languageOption, noTranslation, SOURCE_LANGUAGE } from '../i18n/language-code.js';
import { translatedLanguages } from '../i18n/languages.js';
import { isDefaultContent } from '../kit-paths.js';
import { printJson } from '../json-output.js';

export function runStatus(args: { content: string; lang?: string; strict: boolean }, io: Io): number {
  try {
    const kit = loadKit(args.content);
    const languages = args.lang ? languageOption(args.lang) : translatedLanguages(args.content);
    if (languages.length === 0) {
      io.out('No translations yet. Start one with: kernekit i18n extract --lang en');
      return 0;
    }
    let complete = true;
    for (const language of languages) {
      if (language === SOURCE_LANGUAGE) throw new UsageError('Danish (da) is the source language; name a translation, e.g. --lang en.');
      if (!hasTranslation(args.content, language)) throw new UsageError(`--lang ${noTranslation(args.content, language)}`);
      const s = languageStatus(kit, args.content, language);
      complete &&= isComplete(s);
      report(s, io);
    }
    return args.strict && !complete ? 1 : 0;
  } catch (err) {
    return reportError(err, io);
  }
}

function report(s: LanguageStatus, io: Io): void {
  const share = s.total === 0 ? 100 : Math.floor((s.translated / s.total) * 1000) / 10;
  io.out(`${s.language}: ${share} % translated (${s.translated} of ${s.total} strings)`);
  const section = (title: string, keys: string[]) => {
    if (keys.length === 0) return;
    io.out(`  ${title} (${keys.length}):`);
    for (const k of keys) io.out(`    ${k}`);
  };
  section('missing, printed in Danish', s.missing);
  section('stale: the Danish changed after translation', s.stale);
  section('placeholders differ from the Danish', s.placeholders.map((p) => `${p.key}: Danish has {{${p.source.join('}} {{')}}}, translation has ${p.target.length ? `{{${p.target.join('}} {{')}}}` : 'none'}`));
  section('extra: no longer in the Danish source, can be deleted', s.extra);
}

export function runExtract(args: { content: string; lang: string; json?: boolean }, io: Io): number {
  try {
    if (isDefaultContent(args.content)) throw new UsageError("There is no content/ folder here, and kernekit's own kit is not for editing. Make an editable copy first: npx kernekit init --copy content");
    const kit = loadKit(args.content);
    const languages = languageOption(args.lang);
    if (languages.includes(SOURCE_LANGUAGE)) throw new UsageError('Danish (da) is the source language: edit the YAML in content/ and content/locales/da/labels.json directly.');
    const results = languages.map((language) => ({ language, ...extract(kit, args.content, language) }));
    if (args.json) {
      printJson(io, 'i18n extract', { content: resolve(args.content), languages: results.map((r) => ({ ...r, files: r.files.map((f) => resolve(f)) })) });
      return 0;
    }
    for (const r of results) {
      io.out(`${r.language}: ${r.translated} translated, ${r.untranslated} to translate.`);
      for (const f of r.files) io.out(`  wrote ${relative(process.cwd(), f) || f}`);
    }
    return 0;
  } catch (err) {
    return reportError(err, io);
  }
}
