import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCopy, edit } from './helpers/content.js';
import { readPdf } from './helpers/pdf.js';
import { tempDir } from './helpers/files.js';
import { until } from './helpers/until.js';
import { startWatch } from './helpers/watch.js';

describe('kernekit watch', () => {
  it('rebuilds the deck after a content edit, printing one line per rebuilt file, and survives a broken edit', async () => {
    const content = contentCopy();
    const out = join(tempDir('watch'), 'out');
    const { lines, errors, stop } = startWatch({ content, out, only: 'cards,handout' });
    await until(() => lines.some((l) => l.startsWith('Watching')), 'the first build');

    lines.length = 0;
    edit(content, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om netop dette?');
    await until(() => lines.some((l) => l.startsWith('Rebuilt')), 'the rebuild');
    const rebuilt = lines.filter((l) => l.includes('.pdf'));
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]).toMatch(/^\d\d:\d\d:\d\d {2}da {2}.*spoergsmaalskort\.pdf {2}14 pages {2}\d+ kB {2}\d+\.\d\d s$/);
    const pdf = await readPdf(join(out, 'da', 'spoergsmaalskort.pdf'));
    expect(pdf.pages.map((p) => p.text).join(' ')).toContain('Hvem kan du samarbejde med om netop dette?');

    lines.length = 0;
    edit(content, 'checklist.yaml', 'centre: dig-selv', 'centre: dig-self');
    await until(() => errors.length > 0 && lines.some((l) => l.startsWith('Watching')), 'the error report');
    expect(errors.join('\n')).toMatch(/checklist\.yaml:\d+:\d+ centre: There is no actor with the id "dig-self"/);

    expect(await stop()).toBe(0);
  }, 90_000);
});

describe('kernekit watch, saves by rename', () => {
  it('notices every save made by writing a new file and renaming it over the old one, as sed -i and many editors do', async () => {
    const content = contentCopy();
    const out = join(tempDir('watch'), 'out');
    const { lines, stop } = startWatch({ content, out, only: 'cards' });
    await until(() => lines.some((l) => l.startsWith('Watching')), 'the first build');

    const file = join(content, 'checklist.yaml');
    for (const word of ['netop', 'faktisk']) {
      lines.length = 0;
      const text = readFileSync(file, 'utf8').replace(/Hvem kan du samarbejde med om (\w+ )?dette\?/, `Hvem kan du samarbejde med om ${word} dette?`);
      writeFileSync(`${file}.new`, text);
      renameSync(`${file}.new`, file);
      await until(() => lines.some((l) => l.startsWith('Rebuilt')), `the rebuild after saving "${word}"`);
      const pdf = await readPdf(join(out, 'da', 'spoergsmaalskort.pdf'));
      expect(pdf.pages.map((p) => p.text).join(' ')).toContain(`Hvem kan du samarbejde med om ${word} dette?`);
    }
    expect(await stop()).toBe(0);
  }, 90_000);
});
