import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { CONTENT, contentCopy, FIXTURE_LOCALES } from './helpers/content.js';

const SCRIPT = join(import.meta.dirname, 'helpers/i18next_round_trip.py');

/** A Python that has Debian's translate-toolkit (Weblate's reader of i18next files), if any. */
function translateToolkit(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import translate.storage.jsonl10n'], { timeout: 30_000 });
    if (probe.status === 0) return python;
  }
  return undefined;
}
const python = translateToolkit();

/** `language=file` for every translation file of a content folder, and its Danish templates. */
function translationFiles(content: string): string[] {
  const files = ['content', 'labels'].map((ns) => `da=${join(content, 'source-da', `${ns}.json`)}`);
  for (const language of readdirSync(join(content, 'locales'))) {
    for (const file of readdirSync(join(content, 'locales', language))) files.push(`${language}=${join(content, 'locales', language, file)}`);
  }
  return files;
}

describe.skipIf(!python)('a round trip through translate-toolkit (I18NextV4File, as Weblate reads and writes)', () => {
  const roundTrip = (files: string[]) => {
    const r = spawnSync(python!, [SCRIPT, ...files], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, { units: number; same: boolean; diff: string[] }>;
  };

  it('gives back every translation file and template of the kit byte for byte', () => {
    const files = [...translationFiles(CONTENT), ...readdirSync(FIXTURE_LOCALES).map((l) => `${l}=${join(FIXTURE_LOCALES, l, 'labels.json')}`)];
    const report = roundTrip(files);
    expect(Object.keys(report).length).toBe(files.length);
    for (const [file, r] of Object.entries(report)) {
      expect(r.same, `${file}\n${r.diff.join('\n')}`).toBe(true);
      expect(r.units, file).toBeGreaterThan(0);
    }
  });

  it('gives back what extract writes for languages with other plural forms (uk, pl, ar, fr), untranslated keys included', async () => {
    const dir = contentCopy();
    for (const language of ['uk', 'pl', 'ar', 'fr']) expect((await cli(['i18n', 'extract', '--lang', language, '--content', dir])).code).toBe(0);
    for (const [file, r] of Object.entries(roundTrip(translationFiles(dir)))) expect(r.same, `${file}\n${r.diff.join('\n')}`).toBe(true);
  });

  // What the notes on Weblate and Crowdin say about plural forms (docs/translator.md).
  it('loses Polish few and many without the target language set, and through json2po and po2json, which write 4 spaces', async () => {
    const dir = contentCopy();
    expect((await cli(['i18n', 'extract', '--lang', 'pl', '--content', dir])).code).toBe(0);
    const polish = join(dir, 'locales/pl/labels.json');
    const [unset] = Object.values(roundTrip([`=${polish}`]));
    expect(unset!.same).toBe(false);
    expect(unset!.diff).toContain('-    "subject_few": "",');
    const po = join(dir, 'pl.po');
    const back = join(dir, 'back.json');
    expect(spawnSync('json2po', ['-t', join(dir, 'source-da/labels.json'), '-i', polish, '-o', po], { timeout: 60_000 }).status).toBe(0);
    const units = readFileSync(po, 'utf8');
    expect(units).toContain('msgctxt ".deck.subject_other"');
    expect(units).not.toContain('subject_few');
    expect(spawnSync('po2json', ['-t', polish, '-i', po, '-o', back], { timeout: 60_000 }).status).toBe(0);
    expect(readFileSync(back, 'utf8')).toMatch(/^\{\n {4}"kit"/);
  });
});
