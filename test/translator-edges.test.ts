import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { dateFormatter } from '../src/i18n/localization.js';
import { localize } from '../src/i18n/translator.js';
import { cli } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { tempDir } from './helpers/files.js';

const EN_LABELS = 'locales/en/labels.json';

/** Changes a translation file's labels the way a translation tool writes them back (2-space JSON). */
function setLabels(dir: string, file: string, change: (labels: Record<string, Record<string, unknown>>) => void) {
  const path = join(dir, file);
  const labels = JSON.parse(readFileSync(path, 'utf8'));
  change(labels);
  writeFileSync(path, JSON.stringify(labels, null, 2) + '\n');
}

const lineOf = (dir: string, file: string, needle: string) => readFileSync(join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('locale folders as translation platforms name them', () => {
  it('takes pl_PL, pt_BR and pl-rPL (Weblate, Crowdin) as pl-PL and pt-BR, in status, validate and --lang', async () => {
    const dir = contentCopy();
    cpSync(join(dir, 'locales/en'), join(dir, 'locales/pl_PL'), { recursive: true });
    mkdirSync(join(dir, 'locales/pt_BR'));
    const status = await cli(['i18n', 'status', '--json', '--content', dir]);
    expect(status.code, status.err).toBe(0);
    expect((JSON.parse(status.out) as { languages: Array<{ language: string }> }).languages.map((l) => l.language)).toEqual(['en', 'pl-PL', 'pt-BR']);
    expect((await cli(['validate', '--content', dir])).code).toBe(0);
    // Polish counts one, few and many: the English copy lacks few and many.
    const polish = await cli(['i18n', 'status', '--lang', 'pl-PL', '--content', dir]);
    expect(polish.out).toMatch(/locales\/pl_PL\/labels\.json:\d+ labels:deck\.subject_other/);
    renameSync(join(dir, 'locales/pl_PL'), join(dir, 'locales/pl-rPL'));
    expect((await cli(['i18n', 'status', '--lang', 'pl_PL', '--content', dir])).code).toBe(0);
    expect((await cli(['i18n', 'status', '--lang', 'pl-rPL', '--content', dir])).out).toMatch(/^pl-PL: /);
  });

  it('refuses a folder named for no language (polski, xx) or holding a language twice, one line each, exit 1', async () => {
    const dir = contentCopy();
    for (const name of ['polski', 'xx', 'pt_BR', 'pt-BR']) mkdirSync(join(dir, 'locales', name));
    for (const args of [['i18n', 'status'], ['validate']]) {
      const r = await cli([...args, '--content', dir]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/locales\/polski:1:1 The folder "polski" is not named for a language/);
      expect(r.err).toMatch(/locales\/xx:1:1 The folder "xx" is not named/);
      expect(r.err).toMatch(/The folder "pt_BR" holds pt-BR, as the folder "pt-BR" does/);
      expect(r.err).not.toMatch(/internal error|RangeError/);
    }
  });
});

describe('every problem at once, the translator’s own first', () => {
  it('reports a translator’s unprintable character before the dates the language writes in its own script, in validate and build', async () => {
    // Tamil: no face of the kit has its script (Arabic and Ethiopic have one now).
    const dir = contentCopy();
    mkdirSync(join(dir, 'locales/ta'));
    writeFileSync(join(dir, 'locales/ta/labels.json'), JSON.stringify({ deck: { title: 'கேள்வி அட்டைகள்' } }, null, 2) + '\n');
    for (const args of [['validate'], ['build', '--lang', 'ta', '--only', 'cards', '--out', tempDir('out')]]) {
      const r = await cli([...args, '--content', dir]);
      expect(r.code, r.err).toBe(1);
      const lines = r.err.split('\n').filter((l) => l.includes('[missing-glyph]'));
      expect(lines[0]).toMatch(/^\S*locales\/ta\/labels\.json:3:\d+ ta:labels:deck\.title:/);
      expect(lines.some((l) => l.includes('source.publications.date'))).toBe(true);
    }
  });

  it('validate stops on a broken placeholder, as build does, naming file, line and key', async () => {
    const dir = contentCopy();
    setLabels(dir, EN_LABELS, (l) => ((l.deck!.print as Record<string, string>).sheets = '{{cards}} on {{sheets}}'));
    const line = lineOf(dir, EN_LABELS, '{{cards}} on {{sheets}}');
    const r = await cli(['validate', '--content', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`locales/en/labels\\.json:${line}:1 deck\\.print\\.sheets: The placeholders must be`));
    const status = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    expect(status.out).toMatch(new RegExp(`locales/en/labels\\.json:${line} labels:deck\\.print\\.sheets: must have`));
  });
});

describe('dates as the language writes them', () => {
  it('keeps what follows the day (Japanese 日, Lithuanian d.), and drops only a mark after the year', () => {
    const date = new Date('2015-03-03T00:00:00Z');
    expect(dateFormatter('ja')(date)).toBe('2015年3月3日');
    expect(dateFormatter('zh')(date)).toBe('2015年3月3日');
    expect(dateFormatter('ko')(date)).toBe('2015년 3월 3일');
    expect(dateFormatter('lt')(date)).toBe('2015 m. kovo 3 d.');
    expect(dateFormatter('hu')(date)).toBe('2015. március 3.');
    expect(dateFormatter('uk')(date)).toBe('3 березня 2015');
    expect(dateFormatter('da')(date)).toBe('3. marts 2015');
  });
});

describe('digits as the language writes them', () => {
  it('follows the numbering system Intl gives the language (Persian ۶۳), and Latin digits when the tag asks for them (fa-u-nu-latn)', async () => {
    const dir = contentCopy();
    const kit = loadKit(dir);
    expect(localize(kit, dir, 'fa').formatNumber(63)).toBe('۶۳');
    expect(localize(kit, dir, 'fa-u-nu-latn').formatNumber(63)).toBe('63');
    expect((await cli(['i18n', 'extract', '--lang', 'fa-u-nu-latn', '--content', dir])).code).toBe(0);
    expect((await cli(['i18n', 'status', '--lang', 'fa-u-nu-latn', '--content', dir])).out).toMatch(/^fa-u-nu-latn: 0 % translated/);
  });
});

describe('a translation is text', () => {
  it('a blank label is missing everywhere: it prints the Danish, and status and the fallbacks say so', async () => {
    const dir = contentCopy();
    setLabels(dir, EN_LABELS, (l) => (l.deck!.title = '   '));
    const loc = localize(loadKit(dir), dir, 'en');
    expect(loc.t('deck.title')).toBe('Spørgekort');
    expect(loc.fallbacks.has('labels:deck.title')).toBe(true);
    expect((await cli(['i18n', 'status', '--lang', 'en', '--content', dir])).out).toMatch(/missing, printed in Danish[\s\S]*labels:deck\.title/);
  });

  it('prints $t(…) as written, never as another label looked up', () => {
    const dir = contentCopy();
    setLabels(dir, EN_LABELS, (l) => (l.deck!.title = 'Cards, see $t(deck.howTo) or $t(no.such.key)'));
    expect(localize(loadKit(dir), dir, 'en').t('deck.title')).toBe('Cards, see $t(deck.howTo) or $t(no.such.key)');
  });
});

describe('one way of counting', () => {
  it('status and extract give the same count of keys, each plural form one, and status lists as many missing', async () => {
    const dir = contentCopy();
    cpSync(join(dir, 'locales/en'), join(dir, 'locales/pl'), { recursive: true });
    const extract = await cli(['i18n', 'extract', '--lang', 'pl', '--json', '--content', dir]);
    const counted = (JSON.parse(extract.out) as { languages: Array<{ translated: number; untranslated: number }> }).languages[0]!;
    const status = JSON.parse((await cli(['i18n', 'status', '--lang', 'pl', '--json', '--content', dir])).out) as { languages: Array<{ total: number; translated: number; missing: string[] }> };
    const s = status.languages[0]!;
    expect(counted.untranslated).toBeGreaterThan(0);
    expect([s.translated, s.total - s.translated, s.missing.length]).toEqual([counted.translated, counted.untranslated, counted.untranslated]);
    expect((await cli(['i18n', 'status', '--lang', 'pl', '--content', dir])).out).toContain(`(${s.translated} of ${s.total} keys, each plural form one)`);
  });
});

describe('status points out what prints, but likely not as meant', () => {
  it('warns of the Danish left as it was, HTML, outer spaces, a key written twice and a misspelt key with the one it meant', async () => {
    const dir = contentCopy();
    const danish = JSON.parse(readFileSync(join(dir, 'source-da/labels.json'), 'utf8'));
    setLabels(dir, EN_LABELS, (l) => {
      l.deck!.howTo = danish.deck.howTo;
      l.deck!.title = '<b>Question</b> cards';
      (l.deck!.print as Record<string, string>).paper = 'Use card. ';
      delete (l.deck!.test as Record<string, string>).heading;
      (l.deck!.test as Record<string, string>).headng = 'Test first';
    });
    const path = join(dir, EN_LABELS);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"howTo":', '"subject_one": "{{count}} card for {{kit}}",\n    "howTo":'));
    const r = await cli(['i18n', 'status', '--lang', 'en', '--content', dir]);
    const warning = (rule: string, key: string) => new RegExp(`locales/en/labels\\.json:\\d+ labels:${key.replace(/\./g, '\\.')}: .*\\[${rule}\\]`);
    expect(r.out).toMatch(warning('same-as-danish', 'deck.howTo'));
    expect(r.out).toMatch(warning('markup', 'deck.title'));
    expect(r.out).toMatch(warning('outer-spaces', 'deck.print.paper'));
    expect(r.out).toMatch(warning('duplicate-key', 'deck.subject_one'));
    expect(r.out).toMatch(/labels:deck\.test\.headng: No Danish text has this key\. Did you mean labels:deck\.test\.heading\?/);
    // The kit's own English has none of these.
    const clean = await cli(['i18n', 'status', '--lang', 'en', '--content', contentCopy()]);
    expect(clean.out).not.toContain('to check');
  });
});
