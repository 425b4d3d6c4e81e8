import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { InputError } from '../src/content/problems.js';
import { sourceCatalog } from '../src/i18n/catalog.js';
import { pseudo } from '../src/i18n/pseudo.js';
import { localize } from '../src/i18n/translator.js';
import { buildInto } from './helpers/build.js';
import { cli } from './helpers/cli.js';
import { contentCopy, edit } from './helpers/content.js';
import { readPdf } from './helpers/pdf.js';
import { tempDir } from './helpers/files.js';
import { unzip } from './helpers/unzip.js';

const EN_CONTENT = 'locales/en/content.json';
const EN_LABELS = 'locales/en/labels.json';

/** Edits one key of a JSON translation file in a content copy, the way a translation tool would (4-space indent, as Weblate writes). */
function editJson(dir: string, file: string, key: string, change: (value: string | undefined) => string | undefined) {
  const path = join(dir, file);
  const tree = JSON.parse(readFileSync(path, 'utf8'));
  const parts = key.split('.');
  let node = tree;
  for (const p of parts.slice(0, -1)) node = node[p];
  const last = parts[parts.length - 1]!;
  const next = change(node[last]);
  if (next === undefined) delete node[last];
  else node[last] = next;
  writeFileSync(path, JSON.stringify(tree, null, 4));
}

const statusJson = async (args: string[]) => {
  const r = await cli(['i18n', 'status', '--json', ...args]);
  return { ...r, json: JSON.parse(r.out) as { ok: boolean; failOn: string[]; languages: Array<Record<string, unknown> & { missing: string[]; stale: string[]; extra: string[]; placeholders: unknown[] }> } };
};

describe('i18n status', () => {
  it('names a key removed from a translation, and --strict fails on it', async () => {
    const dir = contentCopy();
    const before = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(before.out).not.toContain('content:item.tr-bygge-bro');
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => undefined);
    const after = await cli(['i18n', 'status', '--lang', 'en', '--strict', '--content', dir]);
    expect(after.code).toBe(1);
    expect(after.out).toMatch(/missing, printed in Danish \(\d+\):[\s\S]*content:item\.tr-bygge-bro/);
  });

  it('treats an empty string as untranslated', async () => {
    const dir = contentCopy();
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => '');
    const r = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(r.out).toContain('content:item.tr-bygge-bro');
    expect(localize(loadKit(dir), dir, 'en').fallbacks.has('content:item.tr-bygge-bro')).toBe(true);
  });

  it('reports a translation that drops a {{placeholder}}, naming what the Danish has, and exits 1 even without --strict', async () => {
    const dir = contentCopy();
    editJson(dir, EN_LABELS, 'deck.print.sheets', () => '{{cards}} on {{sheets}}');
    const r = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/placeholders differ from the Danish .*\(1\):\s+\S*locales\/en\/labels\.json:\d+ labels:deck\.print\.sheets: must have \{\{cards\}\} \{\{height\}\} \{\{paper\}\} \{\{perSheet\}\} \{\{sheets\}\} \{\{width\}\}, has \{\{cards\}\} \{\{sheets\}\}/);
  });

  it('lists keys the source no longer has', async () => {
    const dir = contentCopy();
    writeFileSync(join(dir, EN_CONTENT), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, EN_CONTENT), 'utf8')), old: { key: 'Gone' } }));
    const r = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(r.out).toMatch(/extra: not needed in this language, can be deleted \(\d+\):[\s\S]*content:old\.key/);
  });

  it('refuses a language code no language has, and a language with no translation', async () => {
    const xx = await cli(['i18n', 'status', '--lang', 'xx']);
    expect(xx.code).toBe(2);
    expect(xx.err).toContain('--lang "xx" is not a language kernekit knows');
    const dir = contentCopy();
    const sv = await cli(['i18n', 'status', '--lang', 'sv', '--content', dir]);
    expect(sv.code).toBe(2);
    expect(sv.err).toMatch(/sv has no translation: there is no folder .*locales\/sv\. Start one with: kernekit i18n extract --lang sv/);
    expect((await cli(['build', '--lang', 'da,xx', '--out', join(tempDir('i18n'), 'out')])).code).toBe(2);
  });
});

describe('i18n status gates and --json', () => {
  it('--fail-on picks what fails: missing keys pass --fail-on stale, fail --fail-on missing', async () => {
    const dir = contentCopy();
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => '');
    expect((await cli(['i18n', 'status', '--lang', 'en', '--fail-on', 'stale', '--content', dir])).code).toBe(0);
    const missing = await cli(['i18n', 'status', '--lang', 'en', '--fail-on', 'missing', '--content', dir]);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/^en: .* — fails: missing$/m);
    expect((await cli(['i18n', 'status', '--lang', 'en', '--fail-on', 'typos', '--content', dir])).code).toBe(2);
  });

  it('prints JSON that the schema in schemas/ accepts, with what failed', async () => {
    const dir = contentCopy('uk');
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => '');
    editJson(dir, EN_LABELS, 'document.page_other', () => 'Page {{sida}} of {{count}}');
    const r = await statusJson(['--lang', 'en,uk', '--strict', '--content', dir]);
    expect(r.code).toBe(1);
    const schemas = join(import.meta.dirname, '../schemas');
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    for (const file of readdirSync(schemas)) ajv.addSchema(JSON.parse(readFileSync(join(schemas, file), 'utf8')));
    const validate = ajv.getSchema('i18n-status.schema.json')!;
    expect(validate(r.json), JSON.stringify(validate.errors)).toBe(true);
    expect(r.json).toMatchObject({ schemaVersion: 1, command: 'i18n status', ok: false, failOn: ['placeholders', 'missing', 'stale'] });
    const en = r.json.languages[0]!;
    expect(en).toMatchObject({ language: 'en', complete: false, failed: ['placeholders', 'missing'], missing: ['content:item.tr-bygge-bro'] });
    expect(en.placeholders).toEqual([{ key: 'labels:document.page_other', text: 'Page {{sida}} of {{count}}', expected: ['count', 'page'], optional: [], found: ['count', 'sida'] }]);
    // A rejected document is caught too: the schema is not a rubber stamp.
    expect(validate({ ...r.json, languages: [{ ...en, missing: ['item.tr-bygge-bro'] }] })).toBe(false);
  });
});

describe('staleness with no ritual', () => {
  it('reports a key stale when its Danish changes after translation, until the translation is edited', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om netop dette?');
    const stale = await cli(['i18n', 'status', '--lang', 'en', '--strict', '--content', dir]);
    expect(stale.code).toBe(1);
    expect(stale.out).toMatch(/stale: the Danish changed after translation \(1\):\s+\S*locales\/en\/content\.json:\d+ content:item\.pt-samarbejde/);
    editJson(dir, EN_CONTENT, 'item.pt-samarbejde', () => 'Who can you work with on exactly this?');
    const fresh = await cli(['i18n', 'status', '--lang', 'en', '--strict', '--content', dir]);
    expect(fresh.out).not.toContain('stale');
    expect(fresh.code).toBe(0);
  });

  it('notices a translation edited by another tool at the next build, and reports a later Danish change stale', async () => {
    const dir = contentCopy();
    // A translator (or Weblate) edits the file; kernekit's next ordinary command sees it.
    editJson(dir, EN_CONTENT, 'item.pt-samarbejde', () => 'With whom can you cooperate on this?');
    const built = await cli(['build', '--lang', 'en', '--only', 'handout', '--out', join(tempDir('i18n'), 'out'), '--content', dir]);
    expect(built.code).toBe(0);
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om netop dette?');
    const rebuilt = await cli(['build', '--lang', 'en', '--only', 'handout', '--out', join(tempDir('i18n'), 'out'), '--content', dir]);
    expect(rebuilt.err).toContain('warning: en: 1 translation stale, the Danish changed since: content:item.pt-samarbejde');
    const failing = await cli(['build', '--lang', 'en', '--only', 'handout', '--fail-on', 'stale', '--out', join(tempDir('i18n'), 'out'), '--content', dir]);
    expect(failing.code).toBe(1);
    expect(failing.err).toContain('en: 1 stale key: content:item.pt-samarbejde');
    // An extract after the change does not make the staleness go away: only editing the translation does.
    await cli(['i18n', 'extract', '--lang', 'en', '--content', dir]);
    expect((await statusJson(['--lang', 'en', '--content', dir])).json.languages[0]!.stale).toEqual(['content:item.pt-samarbejde']);
  });

  it('keeps what kernekit records out of the translation folders', async () => {
    const dir = contentCopy();
    await cli(['i18n', 'extract', '--lang', 'sv', '--content', dir]);
    await cli(['i18n', 'status', '--content', dir]);
    for (const language of readdirSync(join(dir, 'locales'))) expect(readdirSync(join(dir, 'locales', language)).sort(), language).toEqual(['content.json', 'labels.json']);
    expect(existsSync(join(dir, '.kernekit/translations.json'))).toBe(true);
  });
});

describe('i18n extract', () => {
  it('creates a new language with every source key, line for line with the Danish template', async () => {
    const dir = contentCopy();
    const r = await cli(['i18n', 'extract', '--lang', 'sv', '--content', dir]);
    expect(r.code).toBe(0);
    const total = sourceCatalog(loadKit(dir), dir).size;
    expect(r.out).toContain(`sv: 0 translated, ${total} to translate.`);
    for (const ns of ['content', 'labels']) {
      const target = readFileSync(join(dir, `locales/sv/${ns}.json`), 'utf8').split('\n');
      const danish = readFileSync(join(dir, `source-da/${ns}.json`), 'utf8').split('\n');
      expect(target.length).toBe(danish.length);
      target.forEach((line, i) => expect(line.replace(/: ".*"/, '')).toBe(danish[i]!.replace(/: ".*"/, '')));
    }
    expect(readFileSync(join(dir, 'source-da/content.json'), 'utf8')).toContain('"tr-bygge-bro": "Hvor ser du mulighederne for at bygge bro mellem forskellighederne?"');
  });

  it('keeps existing translations, and writes them back with 2-space indentation', async () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, EN_CONTENT), 'utf8');
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', (v) => v);
    expect(readFileSync(join(dir, EN_CONTENT), 'utf8')).not.toBe(before);
    await cli(['i18n', 'extract', '--lang', 'en', '--content', dir]);
    expect(readFileSync(join(dir, EN_CONTENT), 'utf8')).toBe(before);
  });

  it('keeps the Danish content template current when the YAML changes, at the next status', async () => {
    const dir = contentCopy();
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om netop dette?');
    await cli(['i18n', 'status', '--content', dir]);
    expect(readFileSync(join(dir, 'source-da/content.json'), 'utf8')).toContain('"pt-samarbejde": "Hvem kan du samarbejde med om netop dette?"');
  });
});

describe('building with missing translations', () => {
  it('falls back to Danish with a warning naming the keys; --strict makes it an error', async () => {
    const dir = contentCopy();
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => undefined);
    const out = join(tempDir('i18n'), 'out');
    const warned = await cli(['build', '--content', dir, '--out', out, '--lang', 'en', '--only', 'cards']);
    expect(warned.code).toBe(0);
    expect(warned.err).toMatch(/warning: en: \d+ keys? not translated, printed in Danish: .*content:item\.tr-bygge-bro/);
    const pdf = await readPdf(join(out, 'en', 'spoergsmaalskort.pdf'));
    expect(pdf.pages.map((p) => p.text).join(' ')).toContain('Hvor ser du mulighederne for at bygge bro mellem forskellighederne?');
    const strict = await cli(['build', '--content', dir, '--out', join(tempDir('i18n'), 'out'), '--lang', 'en', '--only', 'cards', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/en: \d+ untranslated keys?: .*content:item\.tr-bygge-bro/);
  });

  it('counts the zip read-me and the index page: a label missing there warns, and fails --strict', async () => {
    const dir = contentCopy();
    editJson(dir, EN_LABELS, 'publish.readme.print', () => '');
    editJson(dir, EN_LABELS, 'publish.intro', () => '');
    const out = join(tempDir('i18n'), 'out');
    const warned = await cli(['build', '--content', dir, '--out', out, '--lang', 'en', '--only', 'handout']);
    expect(warned.code).toBe(0);
    expect(warned.err).toMatch(/warning: en: 2 keys not translated, printed in Danish: labels:publish\.readme\.print, labels:publish\.intro/);
    const readme = [...unzip(readFileSync(join(out, 'en', 'kernekit-en.zip')))].find(([name]) => name.endsWith('.txt'))![1];
    expect(readme.toString('utf8')).toContain('Print i faktisk størrelse (100 %).');
    // Nothing changed: the warning still comes, from the manifest.
    expect((await cli(['build', '--content', dir, '--out', out, '--lang', 'en', '--only', 'handout'])).err).toContain('labels:publish.readme.print');
    const strictOut = join(tempDir('i18n'), 'out');
    const strict = await cli(['build', '--content', dir, '--out', strictOut, '--lang', 'en', '--only', 'handout', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/en: 2 untranslated keys: labels:publish\.readme\.print, labels:publish\.intro/);
    expect(existsSync(strictOut)).toBe(false);
  });
});

describe('placeholders are part of the contract', () => {
  it('stops every build, --strict or not, naming file, line, key and the placeholders expected; nothing is written', async () => {
    const dir = contentCopy();
    editJson(dir, EN_LABELS, 'document.page_other', () => 'Page {{sida}} of {{count}}');
    const out = join(tempDir('i18n'), 'out');
    const r = await cli(['build', '--content', dir, '--out', out, '--lang', 'en', '--only', 'handout']);
    expect(r.code).toBe(1);
    const line = readFileSync(join(dir, EN_LABELS), 'utf8').split('\n').findIndex((l) => l.includes('{{sida}}')) + 1;
    expect(r.err).toContain(`locales/en/labels.json:${line}:`);
    expect(r.err).toContain('document.page_other: The placeholders must be {{count}} {{page}}, as in the Danish; the translation has {{count}} {{sida}}.');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('lets a plural form for one number leave out {{count}}, but not a form for many numbers', async () => {
    const dir = contentCopy();
    editJson(dir, EN_LABELS, 'guide.cover.groups_one', () => 'a single group');
    expect((await statusJson(['--lang', 'en', '--content', dir])).json.languages[0]!.placeholders).toEqual([]);
    editJson(dir, EN_LABELS, 'guide.cover.groups_other', () => 'several groups');
    expect((await statusJson(['--lang', 'en', '--content', dir])).json.languages[0]!.placeholders).toMatchObject([{ key: 'labels:guide.cover.groups_other', expected: ['count'] }]);
  });
});

describe('glyph check', () => {
  it('fails the build naming the language, key and U+ code of a character the fonts lack', async () => {
    const dir = contentCopy();
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => 'Where do you see chances to bridge ⚡ the differences?');
    const r = await cli(['build', '--content', dir, '--out', join(tempDir('i18n'), 'out'), '--lang', 'en', '--only', 'cards']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/locales\/en\/content\.json:\d+:\d+ en:content:item\.tr-bygge-bro: The fonts cannot print U\+26A1 "⚡" \(language en, key item\.tr-bygge-bro\)/);
    expect(() => localize(loadKit(dir), dir, 'en').checkGlyphs()).toThrow(InputError);
  });

  it('finds a missing punctuation mark among the common ones (quotes, dashes, ellipsis) the fonts have', () => {
    // U+201F and U+2024 sit between quotes and the ellipsis, which the fonts have, and are not in the fonts.
    const dir = contentCopy();
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => 'Where \u201Fdo\u201D you see chances \u2013 to bridge \u2024 the differences\u2026?');
    expect(() => localize(loadKit(dir), dir, 'en').checkGlyphs()).toThrow(/U\+201F .*U\+2024|U\+2024 .*U\+201F/);
    editJson(dir, EN_CONTENT, 'item.tr-bygge-bro', () => 'Where \u201Edo\u201D you see chances \u2013 to bridge \u2022 the differences\u2026?');
    expect(() => localize(loadKit(dir), dir, 'en').checkGlyphs()).not.toThrow();
  });
});

describe('pseudo-locale qps', () => {
  it('makes every string at least 40 % longer, accented and bracketed, placeholders intact', () => {
    for (const text of ['Side {{page}} af {{pages}}', 'Kerneopgaven', 'Øvelse {{number}} · {{title}}', 'Hvad er hele arbejdspladsens kerneopgave?']) {
      const p = pseudo(text);
      expect(p.length, p).toBeGreaterThanOrEqual(text.length * 1.4);
      expect(p).toMatch(/^\[.*\]$/);
      expect(p.match(/\{\{\w+\}\}/g) ?? []).toEqual(text.match(/\{\{\w+\}\}/g) ?? []);
    }
    expect(pseudo('Kerneopgaven')).toContain('Kéŕñéópğávéñ');
  });

  it('is built only when asked, and the deck builds in it', async () => {
    const built = await buildInto({ lang: 'qps', only: 'cards' });
    const pdf = await readPdf(built.read('qps', 'spoergsmaalskort.pdf'));
    expect(pdf.language).toBe('qps');
    expect(pdf.pages[0]!.text).toMatch(/\[Šåďáñ pŕíñťéŕ/);
  });
});
