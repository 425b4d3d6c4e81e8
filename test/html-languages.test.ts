import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isolateFallbacks } from '../src/writers/isolate-fallbacks.js';
import { cli } from './helpers/cli.js';
import { contentCopy } from './helpers/content.js';
import { tempDir } from './helpers/files.js';

const DANISH = '<span lang="da" dir="ltr">';

describe('a passage printed in Danish for want of a translation', () => {
  it('is marked Danish and isolated left to right in the text, never in an attribute or the title', () => {
    const html = [
      '<html lang="ar" dir="rtl"><head><title>Hvad er kerneopgaven?</title></head><body>',
      '<h1 title="Hvad er kerneopgaven?">Hvad er kerneopgaven?</h1>',
      '<p>بطاقات: Hvad er kerneopgaven? – ١٢</p>',
      '<p>Print</p><p>Printeren</p><select><option>Print</option></select>',
      '</body></html>',
    ].join('');
    const out = isolateFallbacks(html, ['Hvad er kerneopgaven?', 'Print']);
    expect(out).toContain('<title>Hvad er kerneopgaven?</title>');
    expect(out).toContain(`<h1 title="Hvad er kerneopgaven?">${DANISH}Hvad er kerneopgaven?</span></h1>`);
    expect(out).toContain(`<p>بطاقات: ${DANISH}Hvad er kerneopgaven?</span> – ١٢</p>`);
    // A short passage only as an element's whole text: "Print" is also the start of other words.
    expect(out).toContain(`<p>${DANISH}Print</span></p><p>Printeren</p><select><option>Print</option></select>`);
  });
});

describe('a Danish and Polish folder', () => {
  let out: string;
  beforeAll(async () => {
    const dir = contentCopy();
    mkdirSync(join(dir, 'locales/pl'));
    writeFileSync(join(dir, 'locales/pl/labels.json'), JSON.stringify({ handout: { truth: 'Jak to naprawdę wygląda' } }, null, 2) + '\n');
    out = tempDir('out');
    const r = await cli(['build', '--lang', 'da,pl', '--only', 'handout', '--content', dir, '--out', out]);
    expect(r.code, r.err).toBe(0);
  }, 240_000);

  it('marks the Danish fallbacks of the Polish web page, and only those', () => {
    const polish = readFileSync(join(out, 'pl/misforstaaelser.html'), 'utf8');
    expect(polish).toMatch(/<html lang="pl" dir="ltr">/);
    expect(polish).toContain('<h3>Jak to naprawdę wygląda</h3>');
    expect(polish).toContain(`<h3>${DANISH}Eksempel</span></h3>`);
    expect(polish).not.toContain(`${DANISH}Jak to`);
    expect(readFileSync(join(out, 'da/misforstaaelser.html'), 'utf8')).not.toContain(DANISH);
  });

  it('names each section and language link in its own language, never the Polish one "Dansk"', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toMatch(/<a href="#lang-pl" lang="pl" dir="ltr">Polski<\/a>/);
    expect(index).toMatch(/<h2 id="lang-pl-heading">Polski<\/h2>/);
    expect(index.match(/Materialer på dansk/g)).toHaveLength(1);
    expect(index.match(/>Dansk</g)).toHaveLength(1);
    const polish = index.slice(index.indexOf('<section id="lang-pl"'));
    expect(polish).not.toContain('Hent alle danske materialer');
    expect(polish).toMatch(/>Polski · zip \(\d/);
    const accessibility = readFileSync(join(out, 'tilgaengelighed.html'), 'utf8');
    expect(accessibility.match(/Materialer på dansk/g)).toHaveLength(1);
    expect(accessibility).toMatch(/>Polski</);
  });

  it('marks the Danish of the Polish planner page too', () => {
    const planner = readFileSync(join(out, 'pl/planlaeg-moedet.html'), 'utf8');
    expect(planner).toMatch(/<html lang="pl" dir="ltr">/);
    expect(planner).toContain(DANISH);
    expect(readFileSync(join(out, 'da/planlaeg-moedet.html'), 'utf8')).not.toContain(DANISH);
  });
});
