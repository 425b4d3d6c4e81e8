import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { InputError } from '../src/content/problems.js';
import { CONTENT } from './helpers/content.js';
import { cli } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';

const FONTS = join(import.meta.dirname, '../fonts');

/** A config folder with the YAML and a fonts/ folder of its own beside it. */
function configWith(yaml: string): string {
  const dir = tempDir('config-fonts');
  mkdirSync(join(dir, 'brand'));
  copyFileSync(join(FONTS, 'NotoSansEthiopic-Regular.ttf'), join(dir, 'brand/Ethiopic.ttf'));
  copyFileSync(join(FONTS, 'SourceSans3-Bold.ttf'), join(dir, 'brand/Bold.ttf'));
  writeFileSync(join(dir, 'brand/notes.ttf'), 'not a font at all');
  writeFileSync(join(dir, 'brand/web.woff2'), Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)]));
  mkdirSync(join(dir, 'brand/folder.ttf'));
  const file = join(dir, 'kernekit.config.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('fonts: and typeface: in the config', () => {
  it('takes font files relative to the config file', () => {
    const file = configWith('fonts:\n  - brand/Ethiopic.ttf\ntypeface:\n  regular: brand/Ethiopic.ttf\n  bold: brand/Bold.ttf\n');
    const config = loadConfig(file, CONTENT)!;
    expect(config.fonts.map((f) => f.path)).toEqual([join(dirname(file), 'brand/Ethiopic.ttf')]);
    expect(Object.keys(config.typeface!)).toEqual(['regular', 'bold']);
  });

  it('refuses a missing file, a folder, a web font and a file that is no font, each at its own line, all at once', async () => {
    const file = configWith(['fonts:', '  - brand/missing.ttf', '  - brand/notes.ttf', '  - brand/web.woff2', 'typeface:', '  regular: brand/folder.ttf', '  bold: brand/Bold.ttf', '  semibold: brand/Bold.ttf', ''].join('\n'));
    let problems: InputError['problems'] = [];
    try {
      loadConfig(file, CONTENT);
    } catch (err) {
      problems = (err as InputError).problems;
    }
    const at = (line: number) => problems.find((p) => p.line === line);
    expect(at(2)).toMatchObject({ field: 'fonts[0]', rule: 'font-missing' });
    expect(at(2)!.message).toContain('"brand/missing.ttf" does not exist. The path is relative to the config file\'s folder.');
    expect(at(3)).toMatchObject({ field: 'fonts[1]', rule: 'font-format' });
    expect(at(4)).toMatchObject({ field: 'fonts[2]', rule: 'font-format' });
    expect(at(4)!.message).toContain('web font');
    expect(at(6)).toMatchObject({ field: 'typeface.regular', rule: 'font-missing' });
    expect(at(8)?.message).toMatch(/semibold/);
    expect(problems.some((p) => p.line === 7)).toBe(false);
    // The same as one line each from validate, exit 1.
    const r = await cli(['validate', '--config', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kernekit\.config\.yaml:3:\d+ fonts\[1\]: "brand\/notes\.ttf" is not a TrueType or OpenType font/);
  });
});
