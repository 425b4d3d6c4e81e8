import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { build } from '../src/driver/build.js';
import { buildRequest } from '../src/commands/build-options.js';
import { buildInto, builtPdf } from './helpers/build.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { normalize, readPdf, type PdfFile } from './helpers/pdf.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers/files.js';

const FILE = 'misforstaaelser.pdf';
const kit = loadKit(CONTENT);

const handout = (args: Parameters<typeof buildInto>[0] = {}) => builtPdf('handout', FILE, args);

describe('the handout', () => {
  let pdf: PdfFile;
  let bytes: Buffer;
  beforeAll(async () => ({ pdf, bytes } = await handout()));

  it('is one A4 page', () => {
    expect(pdf.pages).toHaveLength(1);
    expect([pdf.pages[0]!.width, pdf.pages[0]!.height].map(Math.round)).toEqual([595, 842]);
  });

  it('holds the three claims with what is true instead, their examples and origins, in order', () => {
    const text = normalize(pdf.pages[0]!.text);
    let last = -1;
    for (const m of kit.misunderstandings.items) {
      const at = text.indexOf(normalize(m.claim));
      expect(at, m.id).toBeGreaterThan(last);
      last = at;
      for (const part of [m.truth, m.example, m.origin]) expect(text, m.id).toContain(normalize(part));
    }
    expect(text.match(/Sådan hænger det sammen/g)).toHaveLength(kit.misunderstandings.items.length);
  });

  it('prints each claim larger than the text explaining it', () => {
    const page = pdf.pages[0]!;
    const size = (s: string) => page.texts.find((t) => s.startsWith(t.str.trim()) && t.str.trim().length > 5)!.fontSize;
    for (const m of kit.misunderstandings.items) expect(size(m.claim), m.id).toBeGreaterThan(size(m.truth) * 1.4);
  });

  it('names the kit, and its texts as the kit\'s own', () => {
    expect(pdf.pages[0]!.text).toContain(kit.meta.title);
    expect(pdf.pages[0]!.text).toContain('Kittets egen tekst');
  });

  it('says it is Danish, has a title, embeds its fonts and builds byte for byte the same', async () => {
    expect(pdf.language).toBe('da');
    expect(pdf.info.Title).toBe(`Tre typiske misforståelser om kerneopgaven – ${kit.meta.title}`);
    expect(pdf.fontsEmbedded).toBe(true);
    expect((await handout()).bytes.equals(bytes)).toBe(true);
  });
});

describe('the handout under pressure', () => {
  it('stays one page on US Letter', async () => {
    const { pdf } = await handout({ paper: 'letter' });
    expect(pdf.pages).toHaveLength(1);
    expect([pdf.pages[0]!.width, pdf.pages[0]!.height].map(Math.round)).toEqual([612, 792]);
  });

  /** Builds the handout from a content copy whose first truth is `times` times as long. */
  async function withLongerTruth(times: number): Promise<{ pdf: PdfFile; truth: string }> {
    const dir = contentCopy();
    const out = tempDir('out');
    const m = kit.misunderstandings.items[0]!;
    const truth = Array.from({ length: times }, () => m.truth).join(' ');
    edit(dir, 'misunderstandings.yaml', /truth: >-\n\s+Kerneopgaven lyder kun abstrakt[^\n]*\n[^\n]*\n[^\n]*\n/, `truth: ${JSON.stringify(truth)}\n`);
    await build(buildRequest({ content: dir, lang: 'da', out, only: 'handout', paper: 'a4', 'card-size': 'poker', duplex: 'long', bleed: 3, imposition: 'sheet' }));
    return { pdf: await readPdf(readFileSync(join(out, 'da', FILE))), truth };
  }

  it('shrinks a text twice as long to keep it in its panel on the one page', async () => {
    const { pdf, truth } = await withLongerTruth(2);
    expect(pdf.pages).toHaveLength(1);
    expect(normalize(pdf.pages[0]!.text)).toContain(normalize(truth));
  });

  it('refuses a text that cannot fit even at the smallest size, naming the panel', async () => {
    await expect(withLongerTruth(6)).rejects.toThrow(/misforstaaelser\.pdf \(da\): the text of "abstrakt" does not fit/);
  });
});
