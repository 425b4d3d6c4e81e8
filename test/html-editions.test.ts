import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../src/commands/build-options.js';
import { allActors } from '../src/content/model.js';
import { build } from '../src/driver/build.js';
import { loadKit } from '../src/content/load.js';
import { localize, type Localization } from '../src/i18n/translator.js';
import type { Manifest } from '../src/writers/manifest.js';
import { buildInto } from './helpers/build.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { decode, element, htmlText } from './helpers/html.js';
import { normalize, readPdf } from './helpers/pdf.js';

const LANGUAGES = ['da', 'en', 'qps'];
const kit = loadKit(CONTENT);
const locs = new Map(LANGUAGES.map((l) => [l, localize(kit, CONTENT, l)]));

/**
 * Labels that only make sense on paper: how to print and cut the deck, the duplex test
 * sheet, running heads, page numbers, the worksheets' "Gruppe:" line to write a name on,
 * and the cover's list of chapters (the web page has its table of contents instead).
 */
const PAPER_LABELS = ['deck.howTo', 'deck.print', 'deck.cut', 'deck.test', 'document.page', 'worksheet.kind', 'worksheet.group', 'actors.runningHead', 'guide.runningHead', 'guide.cover.inside', 'guide.toc'];

/**
 * Words as compared: lower case, letters and digits; numbers are left out (page numbers,
 * sheet counts, the contents' page references). Letter-spaced codes ("D S", drawn with
 * character spacing) are read as one word, as a reader sees them.
 */
function words(text: string): string[] {
  return normalize(text)
    .replace(/(?<=(?:^|\s)\p{L}) (?=\p{L}(?:\s|$))/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !/^\p{N}+$/u.test(w));
}

/** Every word of the paper-only labels in this language, placeholders left out. */
function paperWords(loc: Localization): Set<string> {
  const labels = JSON.parse(readFileSync(join(CONTENT, 'source-da/labels.json'), 'utf8')) as Record<string, unknown>;
  /** Label key → whether it is a plural group, which alone takes a count. */
  const keys = new Map<string, boolean>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      const base = path.replace(/_(one|other)$/, '');
      keys.set(base, base !== path);
    } else for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(labels, '');
  const paper = [...keys].filter(([k]) => PAPER_LABELS.some((p) => k === p || k.startsWith(`${p}.`)));
  // The paper's name fills a placeholder of the deck's print instructions.
  return new Set(['a4', ...paper.flatMap(([k, plural]) => words(loc.t(k, plural ? { count: 2 } : {}).replace(/\{\{[^}]*\}\}/g, ' ')))]);
}

describe('the HTML editions', () => {
  let out: string;
  let manifest: Manifest;
  const read = (path: string) => readFileSync(join(out, path), 'utf8');

  beforeAll(async () => {
    ({ out } = await buildInto({ lang: LANGUAGES.join(',') }));
    manifest = JSON.parse(read('manifest.json'));
  }, 400_000);

  it('stand beside every PDF, recorded in the manifest with the PDF that links them', () => {
    const pdfs = manifest.files.filter((f) => f.kind === 'pdf');
    expect(pdfs.length).toBe(27);
    for (const pdf of pdfs) {
      const html = pdf.path.replace(/\.pdf$/, '.html');
      expect(pdf.html).toBe(html);
      expect(existsSync(join(out, html)), html).toBe(true);
      expect(manifest.files.find((f) => f.path === html)).toMatchObject({ kind: 'html', document: pdf.document, title: pdf.title, inputs: pdf.inputs });
    }
  });

  it('hold every word of their PDF, leaving out only what makes sense on paper', async () => {
    for (const pdf of manifest.files.filter((f) => f.kind === 'pdf')) {
      const loc = locs.get(pdf.language)!;
      const paper = paperWords(loc);
      const html = new Set(words(htmlText(read(pdf.html!))));
      const pdfWords = words((await readPdf(join(out, pdf.path))).pages.map((p) => p.text).join(' '));
      const missing: string[] = [];
      for (let i = 0; i < pdfWords.length; i++) {
        const w = pdfWords[i]!;
        if (html.has(w) || paper.has(w)) continue;
        // A narrow column may break a long word without a hyphen: its two halves make one word.
        if (html.has(w + (pdfWords[i + 1] ?? ''))) i++;
        else missing.push(w);
      }
      expect([...new Set(missing)], `${pdf.path}: words of the PDF that its HTML edition lacks`).toEqual([]);
    }
  });

  it('show all 32 checklist questions under their actor and group in the actor sheets, the poster and the deck', () => {
    for (const language of ['da', 'en']) {
      const loc = locs.get(language)!;
      const actors = allActors(loc.kit);
      expect(actors.reduce((n, a) => n + a.reflection.length + a.dialogue.length, 0)).toBe(32);
      for (const file of ['360-graders-blik.html', 'plakat-360.html']) {
        const html = read(`${language}/${file}`);
        for (const actor of actors) {
          const section = element(html, new RegExp(`<section[^>]*aria-labelledby="${actor.id}"[^>]*>`))!;
          expect(section, `${file}: a section for ${actor.id}`).toBeDefined();
          expect(decode(element(section, /<h2[^>]*>/)!)).toContain(actor.name);
          for (const kind of ['reflection', 'dialogue'] as const) {
            if (actor[kind].length === 0) continue;
            // The group's heading, then its list: exactly the actor's questions of that group, in order.
            const heading = loc.t(`actors.${kind}`);
            const after = section.slice(section.indexOf(`<h3>${escapeHtml(heading)}</h3>`));
            expect(after.length, `${file} ${actor.id}: heading ${heading}`).toBeLessThan(section.length);
            const list = element(after, /<[ou]l>/)!;
            const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => decode(m[1]!).trim());
            expect(items, `${file} ${actor.id} ${kind}`).toEqual(actor[kind].map((q) => q.text));
          }
        }
      }
      const deck = read(`${language}/spoergsmaalskort.html`);
      for (const actor of actors) {
        for (const kind of ['reflection', 'dialogue'] as const) {
          for (const q of actor[kind]) {
            const card = element(deck, new RegExp(`<article[^>]*aria-labelledby="${q.id}"[^>]*>`))!;
            expect(card, `deck: a card for ${q.id}`).toBeDefined();
            const heading = htmlText(element(card, /<h2[^>]*>/)!);
            expect(heading).toContain(actor.name);
            expect(heading).toContain(loc.t(`card.kind.${kind}`));
            expect(htmlText(card)).toContain(q.text);
          }
        }
      }
    }
  });

  it('are linked from index.html next to their PDF, with link text that says what it opens, and every link resolves', () => {
    const index = read('index.html');
    for (const pdf of manifest.files.filter((f) => f.kind === 'pdf')) {
      const link = new RegExp(`<a href="${pdf.html}">([^<]+)</a>`).exec(index);
      expect(link, `index links ${pdf.html}`).not.toBeNull();
      expect(decode(link![1]!)).toBe(locs.get(pdf.language)!.t(`publish.web.${pdf.document}`, { title: pdf.title }));
    }
    expect(index).toContain('Læs facilitatorguiden som webside');
    // A download link reads as a sentence: what it is, as a PDF, how long and how big; a title
    // with its own capitals stands after a colon, never mid-sentence.
    const downloads = [...index.matchAll(/<a href="([^"]+\.pdf)" download>([^<]+)<\/a>/g)].map((m) => [m[1]!, decode(m[2]!)]);
    expect(downloads.length).toBe(manifest.files.filter((f) => f.kind === 'pdf').length);
    expect(Object.fromEntries(downloads)).toMatchObject({
      'da/spoergsmaalskort.pdf': expect.stringMatching(/^Hent spørgekortene som PDF \(14 sider, \d+ kB\)$/),
      'da/facilitatorguide.pdf': expect.stringMatching(/^Hent facilitatorguiden som PDF \(\d+ sider, \d+ kB\)$/),
      'da/gruppeark-borgerne.pdf': expect.stringMatching(/^Hent som PDF: Gruppeark – Øvelse 3: For eller sammen med borgerne\? \(1 side, \d+ kB\)$/),
      'en/spoergsmaalskort.pdf': expect.stringMatching(/^Download the question cards as a PDF \(14 pages, \d+ kB\)$/),
      'qps/spoergsmaalskort.pdf': expect.stringMatching(/^\[Héñť špøŕğékóŕťéñé šóm PĎF \(/),
    });
    expect(index).toContain('href="tilgaengelighed.html"');
    const pages = ['index.html', 'tilgaengelighed.html', ...manifest.files.filter((f) => f.kind === 'html').map((f) => f.path)];
    for (const page of pages) {
      const html = read(page);
      const folder = page.includes('/') ? page.slice(0, page.lastIndexOf('/') + 1) : '';
      const refs = [...html.matchAll(/(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1]!).filter((r) => !r.startsWith('data:'));
      for (const ref of refs) {
        expect(ref, `${page}: no request leaves the folder`).not.toMatch(/^[a-z]+:|^\/\//);
        expect(existsSync(join(out, folder, ref)), `${page} → ${ref}`).toBe(true);
      }
      expect(html, page).not.toMatch(/<script/i);
    }
  });

  it('set lang and dir on every page, the pseudo-locale as private-use Danish', () => {
    for (const language of LANGUAGES) {
      const lang = language === 'qps' ? 'da-x-qps' : language;
      for (const f of readdirSync(join(out, language)).filter((n) => n.endsWith('.html'))) {
        expect(read(`${language}/${f}`), `${language}/${f}`).toMatch(new RegExp(`<html lang="${lang}" dir="ltr">`));
      }
    }
  });

  it('pass html-validate with no errors, as do index.html and the accessibility page', async () => {
    // Titles name the document and the kit ("Gruppeark – Øvelse 1: … – Kerneopgaven"): WCAG
    // asks for descriptive titles, so the search-engine length limit is off.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const pages = ['index.html', 'tilgaengelighed.html', ...manifest.files.filter((f) => f.kind === 'html').map((f) => f.path)];
    for (const page of pages) {
      const report = await validator.validateString(read(page), page);
      const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${page}:${m.line} ${m.ruleId} ${m.message}`));
      expect(errors).toEqual([]);
    }
  });

  it('lists per document on the accessibility page what conforms and where the alternative is', () => {
    const page = read('tilgaengelighed.html');
    for (const pdf of manifest.files.filter((f) => f.kind === 'pdf')) {
      const loc = locs.get(pdf.language)!;
      expect(page).toContain(`<a href="${pdf.html}">${escapeHtml(loc.t('accessibility.htmlLink', { title: pdf.title }))}</a>`);
      expect(page).toContain(`<a href="${pdf.path}">${escapeHtml(loc.t('accessibility.pdfLink', { title: pdf.title }))}</a>`);
    }
  });

  it('come with PDFs that show their title and whose poster reads from its title', async () => {
    for (const pdf of manifest.files.filter((f) => f.kind === 'pdf' && f.language === 'da')) {
      expect(readFileSync(join(out, pdf.path)).toString('latin1'), pdf.path).toMatch(/\/DisplayDocTitle true/);
    }
    for (const language of LANGUAGES) {
      const meta = locs.get(language)!.kit;
      const poster = await readPdf(join(out, language, 'plakat-360.pdf'));
      expect(poster.pages[0]!.text.startsWith(normalize(`${meta.meta.title} ${meta.checklist.title}`)), `${language}: ${poster.pages[0]!.text.slice(0, 80)}`).toBe(true);
    }
  });
});

describe('an HTML edition from edited content and options', () => {
  it('shows content text as text, never as markup, and applies the tailoring', async () => {
    const content = contentCopy();
    edit(content, 'checklist.yaml', /(text: )(.+)/, '$1Hvad er <script>alert(1)</script> & "kerneopgaven"?');
    const out = tempDir('html');
    await build(buildRequest({ content, out, lang: 'da', only: 'actors,guide', duplex: 'long', bleed: 3, imposition: 'sheet', participants: '24', groups: '4', start: '13:00' }));
    const actors = readFileSync(join(out, 'da/360-graders-blik.html'), 'utf8');
    expect(actors).not.toContain('<script>');
    expect(actors).toContain('Hvad er &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kerneopgaven&quot;?');
    const guide = readFileSync(join(out, 'da/facilitatorguide.html'), 'utf8');
    expect(guide).toContain('<th scope="row">13:00–13:05</th>');
    expect(htmlText(guide)).toContain('24 deltagere i 4 grupper à 6');
  }, 200_000);
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/=/g, '&#x3D;').replace(/`/g, '&#x60;');
}
