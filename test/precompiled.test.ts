import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT } from '../src/host/host.js';
import { compileTemplate } from '../src/layout/precompiled.js';
import { tempCacheDirs } from './helpers/temp-cache.js';

// Layouts are compiled once per machine (the cache folder keeps what Handlebars wrote); a
// template from there must behave as Handlebars' own compile() does.

const OPTIONS = { strict: true, noEscape: true };
const SOURCE = 'Hi {{name}}!\n{{#each xs}}{{this}}, {{/each}}{{#if flag}}yes{{else}}no{{/if}} {{shout name}}';
const DATA = { name: 'Åse & <Bo>', xs: [1, 2, 3], flag: false };

const cacheDir = tempCacheDirs('templates');

const env = () => {
  const hb = Handlebars.create();
  hb.registerHelper('shout', (s: string) => s.toUpperCase());
  return hb;
};
const stored = () => readdirSync(join(cacheDir(), 'templates')).map((f) => join(cacheDir(), 'templates', f));
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

describe('precompiled layouts', () => {
  it('give what compile() gives, the first time and from the cache', () => {
    const expected = env().compile(SOURCE, OPTIONS)(DATA);
    expect(compileTemplate(env(), SOURCE, OPTIONS)(DATA)).toBe(expected);
    expect(stored()).toHaveLength(1);
    expect(compileTemplate(env(), SOURCE, OPTIONS)(DATA)).toBe(expected);
    // Strict mode's error for a field the data lacks, with its line, as compile() reports it.
    expect(errorOf(() => compileTemplate(env(), SOURCE, OPTIONS)({ ...DATA, name: undefined }))).toBe(errorOf(() => env().compile(SOURCE, OPTIONS)({ ...DATA, name: undefined })));
  });

  it('a damaged cached template is ignored and written again', () => {
    compileTemplate(env(), SOURCE, OPTIONS);
    const [file] = stored();
    const whole = readFileSync(file!);
    writeFileSync(file!, whole.subarray(0, whole.length - 20));
    expect(compileTemplate(env(), SOURCE, OPTIONS)(DATA)).toBe(env().compile(SOURCE, OPTIONS)(DATA));
    expect(readFileSync(file!).equals(whole)).toBe(true);
  });

  it('a syntax error fails with the message compile() gives, and nothing is kept', () => {
    const broken = 'line one\n{{#each xs}}never closed';
    expect(errorOf(() => compileTemplate(env(), broken, OPTIONS))).toBe(errorOf(() => env().compile(broken, OPTIONS)({ xs: [] })));
    expect(() => stored()).toThrow();
  });

  it('the folder keeps the newest MAX_KEPT compiled layouts, so edited layouts do not pile up', () => {
    const dir = join(cacheDir(), 'templates');
    mkdirSync(dir, { recursive: true });
    // Layouts compiled on earlier days, the first the oldest.
    for (let i = 0; i < MAX_KEPT; i++) {
      const file = join(dir, `old-${i}.js`);
      writeFileSync(file, 'old');
      utimesSync(file, 1_000_000 + i, 1_000_000 + i);
    }
    expect(compileTemplate(env(), SOURCE, OPTIONS)(DATA)).toBe(env().compile(SOURCE, OPTIONS)(DATA));
    const names = readdirSync(dir);
    expect(names).toHaveLength(MAX_KEPT);
    expect(names).not.toContain('old-0.js');
    expect(names).toContain(`old-${MAX_KEPT - 1}.js`);
    expect(names.filter((n) => !n.startsWith('old-'))).toHaveLength(1);
  });
});
