import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli.js';
import { loadKit } from '../src/content/load.js';
import { InputError } from '../src/content/problems.js';
import { sourceCatalog } from '../src/i18n/catalog.js';
import { pseudo } from '../src/i18n/pseudo.js';
import { localize } from '../src/i18n/translator.js';
import { buildInto } from './helpers/build.js';
import { contentCopy, edit } from './helpers/content.js';
import { readPdf } from './helpers/pdf.js';
import { tempDir } from './helpers/files.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const EN_CONTENT = 'locales/en/content.json';

/** Edits one key of a JSON translation file in a content copy. */
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
  writeFileSync(path, JSON.stringify(tree, null, 2));
}

describe('i18n status', () => {
  it('names a key removed from a translation, and --strict fails on it', async () => {
    const dir = contentCopy();
    await cli(['i18n', 'extract', '--lang', 'en', '--content', dir]);
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

  it('marks a key stale when its Danish source changes after translation, until the translation is edited', async () => {
    const dir = contentCopy();
    await cli(['i18n', 'extract', '--lang', 'en', '--content', dir]);
    edit(dir, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om netop dette?');
    const stale = await cli(['i18n', 'status', '--lang', 'en', '--strict', '--content', dir]);
    expect(stale.out).toMatch(/stale: the Danish changed after translation \(1\):\s+content:item\.pt-samarbejde/);
    editJson(dir, EN_CONTENT, 'item.pt-samarbejde', () => 'Who can you work with on exactly this?');
    const fresh = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(fresh.out).not.toContain('stale');
  });

  it('reports a translation that drops a {{placeholder}}', async () => {
    const dir = contentCopy();
    await cli(['i18n', 'extract', '--lang', 'en', '--content', dir]);
    editJson(dir, 'locales/en/labels.json', 'deck.print.sheets', () => '{{cards}} cards on {{sheets}} sheets');
    const r = await cli(['i18n', 'status', '--lang', 'en', '--strict', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/placeholders differ from the Danish \(1\):\s+labels:deck\.print\.sheets: Danish has \{\{cards\}\} \{\{height\}\} \{\{paper\}\} \{\{perSheet\}\} \{\{sheets\}\} \{\{width\}\}, translation has \{\{cards\}\} \{\{sheets\}\}/);
  });

  it('lists keys the source no longer has', async () => {
    const dir = contentCopy();
    writeFileSync(join(dir, EN_CONTENT), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, EN_CONTENT), 'utf8')), old: { key: 'Gone' } }));
    const r = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(r.out).toMatch(/extra: no longer in the Danish source, can be deleted \(\d+\):[\s\S]*content:old\.key/);
  });
});

describe('i18n extract', () => {
  it('creates a new language with every source key, Danish alongside, line for line', async () => {
    const dir = contentCopy();
    const r = await cli(['i18n', 'extract', '--lang', 'sv', '--content', dir]);
    expect(r.code).toBe(0);
    const total = sourceCatalog(loadKit(dir), dir).size;
    expect(r.out).toContain(`sv: 0 translated, ${total} to translate.`);
    for (const ns of ['content', 'labels']) {
      const target = readFileSync(join(dir, `locales/sv/${ns}.json`), 'utf8').split('\n');
      const danish = readFileSync(join(dir, `locales/sv/source-da.${ns}.json`), 'utf8').split('\n');
      expect(target.length).toBe(danish.length);
      target.forEach((line, i) => expect(line.replace(/: ".*"/, '')).toBe(danish[i]!.replace(/: ".*"/, '')));
    }
    expect(readFileSync(join(dir, 'locales/sv/source-da.content.json'), 'utf8')).toContain('"tr-bygge-bro": "Hvor ser du mulighederne for at bygge bro mellem forskellighederne?"');
  });

  it('keeps existing translations', async () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, EN_CONTENT), 'utf8');
    await cli(['i18n', 'extract', '--lang', 'en', '--content', dir]);
    const after = JSON.parse(readFileSync(join(dir, EN_CONTENT), 'utf8'));
    expect(after.item['tr-bygge-bro']).toBe(JSON.parse(before).item['tr-bygge-bro']);
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
