import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatten } from '../src/i18n/catalog.js';
import { FAMILIES } from '../src/documents/registry.js';
import { loadKit } from '../src/content/load.js';
import { buildInto } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { readPdf, type PdfFile } from './helpers/pdf.js';

const labels = (lang: string) => new Map(flatten(JSON.parse(readFileSync(join(CONTENT, lang === 'da' ? 'source-da' : `locales/${lang}`, 'labels.json'), 'utf8'))));

/**
 * The literal words of each Danish label that English does not share: the pieces between
 * placeholders, long enough to be telling.
 */
function danishFragments(): Array<{ key: string; fragment: string }> {
  const da = labels('da');
  const en = labels('en');
  const out: Array<{ key: string; fragment: string }> = [];
  for (const [key, text] of da) {
    if (en.get(key) === text) continue;
    for (const piece of text.split(/\{\{[^}]*\}\}/)) {
      const fragment = piece.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (fragment.length >= 6 && /\p{L}{4}/u.test(fragment) && ![...en.values()].some((e) => e.includes(fragment))) out.push({ key, fragment });
    }
  }
  return out;
}

describe('the English kit', () => {
  const pdfs = new Map<string, PdfFile>();
  let out = '';
  beforeAll(async () => {
    // With --groups, so the meeting's print pack is made too.
    const built = await buildInto({ lang: 'en', groups: '4' });
    out = built.out;
    for (const f of built.files) pdfs.set(f.path, await readPdf(built.read('en', f.path.slice(3))));
  }, 120_000);

  it('builds every document', () => {
    const kit = loadKit(CONTENT);
    expect([...pdfs.keys()].sort()).toEqual(FAMILIES.flatMap((f) => f.files(kit)).map((f) => `en/${f}`).sort());
  });

  it('has no Danish label on any page', () => {
    const fragments = danishFragments();
    expect(fragments.length).toBeGreaterThan(100);
    for (const [path, pdf] of pdfs) {
      pdf.pages.forEach((page, i) => {
        for (const { key, fragment } of fragments) expect(page.text.includes(fragment), `${path} page ${i + 1}: Danish label ${key} "${fragment}"`).toBe(false);
      });
      expect(pdf.language).toBe('en');
    }
  });

  it('lists documents in kit order: worksheets by exercise number, not by file name', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: Array<{ kind: string; path: string }> };
    const kit = loadKit(CONTENT);
    const expected = FAMILIES.flatMap((f) => f.files(kit)).map((f) => `en/${f}`);
    expect(manifest.files.filter((f) => f.kind === 'pdf').map((f) => f.path)).toEqual(expected);
    expect(expected.filter((p) => p.includes('gruppeark'))).toEqual(kit.exercises.map((e) => `en/gruppeark-${e.id}.pdf`));
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const links = [...html.matchAll(/href="(en\/[^"]+\.pdf)"/g)].map((m) => m[1]);
    expect(links).toEqual(expected);
  });

  it('is titled in English', () => {
    expect(pdfs.get('en/spoergsmaalskort.pdf')!.info.Title).toBe('Question cards – The core task on the agenda');
    for (const pdf of pdfs.values()) expect(String(pdf.info.Title)).toMatch(/The core task on the agenda$/);
  });
});
