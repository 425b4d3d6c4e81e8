import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import { cli, STACK_TRACE } from './helpers/cli.js';
import { CONTENT, contentCopy, edit, lineOf } from './helpers/content.js';
import { tempDir } from './helpers/files.js';
import { until } from './helpers/until.js';
import { startWatch } from './helpers/watch.js';
import { expectValid } from './helpers/schemas.js';

// What a build warns about without stopping is said again by every build until it is fixed:
// a second run, or a CI job, that finds nothing changed must not stay silent about it.

const EN_CONTENT = 'locales/en/content.json';
const DANISH = ['claim: Kerneopgaven bliver fastlagt oppefra.', 'claim: Kerneopgaven bliver altid fastlagt oppefra.'] as const;

/** Sets (or, with undefined, deletes) one text of the English content translation, as a translation tool would. */
function translate(dir: string, [group, id, field]: [string, string, string], text: string | undefined): void {
  const path = join(dir, EN_CONTENT);
  const tree = JSON.parse(readFileSync(path, 'utf8'));
  if (text === undefined) delete tree[group][id][field];
  else tree[group][id][field] = text;
  writeFileSync(path, JSON.stringify(tree, null, 4));
}

/**
 * A copy of the kit with one warning of each kind a build can give about its content: two
 * categories of near-identical colour, a Danish text edited behind its English translation
 * (stale) and an English text deleted (printed in Danish). `fix()` puts all three right.
 */
function flawedKit() {
  const dir = contentCopy();
  const kitYaml = readFileSync(join(dir, 'kit.yaml'), 'utf8');
  const shipped = loadContent(CONTENT).kit.categories.get('borgerne')!.colour;
  edit(dir, 'kit.yaml', /borgere-kunder: "#[0-9A-F]{6}"/, `borgere-kunder: "${shipped.replace(/.$/, (d) => (d === '0' ? '1' : '0'))}"`);
  edit(dir, 'misunderstandings.yaml', ...DANISH);
  const abstract = JSON.parse(readFileSync(join(dir, EN_CONTENT), 'utf8')).misunderstanding.abstrakt.claim as string;
  translate(dir, ['misunderstanding', 'abstrakt', 'claim'], undefined);
  return {
    dir,
    fix() {
      writeFileSync(join(dir, 'kit.yaml'), kitYaml);
      translate(dir, ['misunderstanding', 'fastlagt-oppefra', 'claim'], 'The core task is always fixed from above.');
      translate(dir, ['misunderstanding', 'abstrakt', 'claim'], abstract);
    },
  };
}

const build = (dir: string, out: string, ...more: string[]) => cli(['build', '--lang', 'da,en', '--only', 'handout', '--content', dir, '--out', out, ...more]);
const warningLines = (err: string) => err.split('\n').filter((l) => l.startsWith('warning: '));

describe('warnings on every build', () => {
  it('an up-to-date build prints the same warnings as the build before it, until they are fixed', async () => {
    const kit = flawedKit();
    const out = join(tempDir('warnings'), 'out');
    const first = await build(kit.dir, out);
    expect(first.code, first.err).toBe(0);
    const colourLine = lineOf(kit.dir, 'kit.yaml', 'borgere-kunder:');
    expect(warningLines(first.err)).toEqual([
      'warning: en: 1 key not translated, printed in Danish: content:misunderstanding.abstrakt.claim',
      'warning: en: 1 translation stale, the Danish changed since: content:misunderstanding.fastlagt-oppefra.claim',
      expect.stringMatching(new RegExp(`^warning: .*kit\\.yaml:${colourLine}:\\d+ colours\\.borgere-kunder: .*\\(borgere-kunder\\) and .*\\(borgerne\\) differ by only ΔE 0\\.\\d .*\\[similar-colours\\]$`)),
    ]);

    const again = await build(kit.dir, out);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing changed since the last build');
    expect(warningLines(again.err)).toEqual(warningLines(first.err));

    kit.fix();
    const fixed = await build(kit.dir, out);
    expect(fixed.code, fixed.err).toBe(0);
    expect(warningLines(fixed.err)).toEqual([]);
    const fixedAgain = await build(kit.dir, out);
    expect(fixedAgain.out).toContain('Nothing changed since the last build');
    expect(warningLines(fixedAgain.err)).toEqual([]);
  });

  it('--json lists them under warnings, the same when nothing changed, without reading the content again', async () => {
    const kit = flawedKit();
    const out = join(tempDir('warnings'), 'out');
    const first = await build(kit.dir, out, '--json');
    expect(first.code, first.err).toBe(0);
    const firstJson = JSON.parse(first.out);
    expectValid('build', firstJson);
    expect(firstJson.upToDate).toBe(false);
    expect(firstJson.warnings).toEqual({
      missing: { en: ['content:misunderstanding.abstrakt.claim'] },
      stale: { en: ['content:misunderstanding.fastlagt-oppefra.claim'] },
      content: [expect.objectContaining({ file: expect.stringMatching(/kit\.yaml$/), line: lineOf(kit.dir, 'kit.yaml', 'borgere-kunder:'), field: 'colours.borgere-kunder', rule: 'similar-colours' })],
    });
    expectValid('manifest', JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));

    const again = await build(kit.dir, out, '--json', '--timings');
    const againJson = JSON.parse(again.out);
    expectValid('build', againJson);
    expect(againJson.upToDate).toBe(true);
    expect(againJson.warnings).toEqual(firstJson.warnings);
    // Said again from the record the last build left, not by loading the content.
    expect(againJson.timings.map((t: { step: string }) => t.step)).not.toContain('reading and checking the content');

    kit.fix();
    const fixed = JSON.parse((await build(kit.dir, out, '--json')).out);
    expect(fixed.warnings).toEqual({ missing: {}, stale: {}, content: [] });
    const fixedAgain = JSON.parse((await build(kit.dir, out, '--json')).out);
    expect(fixedAgain.upToDate).toBe(true);
    expect(fixedAgain.warnings).toEqual({ missing: {}, stale: {}, content: [] });
  });

  it('a record of warnings edited out of shape in manifest.json is not trusted: the build looks at the content again', async () => {
    const kit = flawedKit();
    const out = join(tempDir('warnings'), 'out');
    const first = await build(kit.dir, out);
    const manifestFile = join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, warnings: { stale: { en: 'content:misunderstanding.abstrakt.claim' } } }));
    const again = await build(kit.dir, out);
    expect(again.code, again.err).toBe(0);
    expect(again.err).not.toMatch(STACK_TRACE);
    expect(warningLines(again.err)).toEqual(warningLines(first.err));
  });

  it('watch prints them after every rebuild, also one that rebuilt nothing', async () => {
    const kit = flawedKit();
    const out = join(tempDir('warnings'), 'out');
    const { lines, errors, stop } = startWatch({ content: kit.dir, out, lang: 'da,en', only: 'handout', json: true });
    try {
      await until(() => lines.length >= 1, 'the first build');
      // Saved unchanged: a rebuild with nothing to do.
      writeFileSync(join(kit.dir, 'kit.yaml'), readFileSync(join(kit.dir, 'kit.yaml')));
      await until(() => lines.length >= 2, 'the rebuild');
    } finally {
      expect(await stop()).toBe(0);
    }
    const [built, rebuilt] = lines.map((l) => JSON.parse(l));
    for (const line of [built, rebuilt]) expectValid('watch', line);
    expect(built.built).toHaveLength(2);
    expect(rebuilt.built).toEqual([]);
    expect(rebuilt.warnings).toEqual(built.warnings);
    expect(Object.keys(built.warnings.stale)).toEqual(['en']);
    expect(built.warnings.content.map((p: { rule: string }) => p.rule)).toEqual(['similar-colours']);
    const perRebuild = warningLines(errors.join('\n'));
    expect(perRebuild).toHaveLength(6);
    expect(perRebuild.slice(3)).toEqual(perRebuild.slice(0, 3));
  }, 90_000);
});
