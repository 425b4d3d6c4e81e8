import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { allActors, type Actor } from '../src/content/model.js';
import { localize, type Localization } from '../src/i18n/translator.js';
import { buildInto } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { normalize, readPdf, type PdfFile, type PdfPage, type PdfText } from './helpers/pdf.js';

const FILE = 'plakat-360.pdf';
const kit = loadKit(CONTENT);
const da = localize(kit, CONTENT, 'da');
/** A3 portrait in points. */
const A3 = { width: 841.89, height: 1190.55 };

async function poster(args: { lang?: string; paper?: 'a4' | 'letter'; poster?: 'a3' | 'a2' | 'a1' } = {}): Promise<PdfFile> {
  const built = await buildInto({ only: 'poster', ...args });
  return readPdf(built.read(args.lang ?? 'da', FILE));
}

/** The line a text starts on: the first text item that begins it (at least `min` characters of it). */
function firstLine(page: PdfPage, text: string, after = -1): PdfText | undefined {
  const want = normalize(text);
  return page.texts.find((t, i) => {
    const line = normalize(t.str).replace(/-$/, '');
    return i > after && line.length >= Math.min(12, want.length) && want.startsWith(line);
  });
}

/**
 * Each block's name stands on its band, the largest print of that name on the poster (the
 * wheel prints it smaller). A text belongs to the block whose band is the nearest one above
 * it that starts left of it: blocks are laid out in rows, left to right.
 */
function owners(page: PdfPage, loc: Localization): (t: PdfText) => Actor | undefined {
  const bands = allActors(loc.kit).map((actor) => {
    const prints = page.texts.filter((t) => normalize(actor.name).startsWith(normalize(t.str).replace(/-$/, '')) && t.str.trim().length > 2);
    return { actor, band: prints.sort((a, b) => b.fontSize - a.fontSize)[0]! };
  });
  return (t) =>
    bands
      .filter(({ band }) => band.y < t.y && band.x <= t.x + 1)
      .sort((a, b) => b.band.y - a.band.y || b.band.x - a.band.x)[0]?.actor;
}

function expectQuestionsInBlocks(page: PdfPage, loc: Localization): void {
  const ownerOf = owners(page, loc);
  const heading = { reflection: loc.t('actors.reflection'), dialogue: loc.t('actors.dialogue') };
  const headings = page.texts.filter((t) => Object.values(heading).some((h) => normalize(h).startsWith(normalize(t.str)) && t.str.trim().length > 5));
  for (const actor of allActors(loc.kit)) {
    for (const kind of ['reflection', 'dialogue'] as const) {
      const own = headings.filter((h) => ownerOf(h) === actor && normalize(heading[kind]).startsWith(normalize(h.str)));
      // The centre has no dialogue questions, and so no dialogue heading.
      expect(own, `${actor.id}: ${kind} headings`).toHaveLength(actor[kind].length > 0 ? 1 : 0);
      for (const q of actor[kind]) {
        expect(page.text, q.id).toContain(normalize(q.text));
        const line = firstLine(page, q.text)!;
        expect(ownerOf(line)?.id, q.id).toBe(actor.id);
        expect(line.y, `${q.id} below its group's heading`).toBeGreaterThan(own[0]!.y);
        if (kind === 'reflection' && actor.dialogue.length > 0) {
          const dialogue = headings.find((h) => ownerOf(h) === actor && normalize(heading.dialogue).startsWith(normalize(h.str)))!;
          expect(line.y, `${q.id} above the dialogue heading`).toBeLessThan(dialogue.y);
        }
      }
    }
  }
}

describe('the 360° poster', () => {
  let pdf: PdfFile;
  beforeAll(async () => (pdf = await poster()));

  it('is one A3 portrait page', () => {
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]!.width).toBeCloseTo(A3.width, 0);
    expect(pdf.pages[0]!.height).toBeCloseTo(A3.height, 0);
    expect(Math.abs(pdf.pages[0]!.width - A3.width)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(pdf.pages[0]!.height - A3.height)).toBeLessThanOrEqual(0.5);
  });

  it('holds all 32 questions, each in its own actor’s block under the heading of its group', () => {
    expect(allActors(da.kit).reduce((n, a) => n + a.reflection.length + a.dialogue.length, 0)).toBe(32);
    expectQuestionsInBlocks(pdf.pages[0]!, da);
  });

  it('names all seven actors twice: on the wheel and on their blocks', () => {
    const text = pdf.pages[0]!.text;
    for (const actor of allActors(da.kit)) expect(text.split(actor.name).length - 1, actor.id).toBeGreaterThanOrEqual(2);
  });

  it('puts every actor’s block on the side of the wheel where its sector is', () => {
    const page = pdf.pages[0]!;
    const prints = (actor: Actor) => page.texts.filter((t) => normalize(t.str) === normalize(actor.name)).sort((a, b) => a.fontSize - b.fontSize);
    const centreOf = (t: PdfText) => ({ x: t.x + t.width / 2, y: t.y - t.fontSize / 3 });
    const hub = centreOf(prints(da.kit.checklist.centre)[0]!);
    const around = da.kit.checklist.around;
    const sectors = around.map((actor) => {
      const label = centreOf(prints(actor)[0]!);
      return { actor, angle: Math.atan2(label.y - hub.y, label.x - hub.x) };
    });
    // A block's place: the middle of its name and the first lines of its questions.
    const blockCentre = (actor: Actor) => {
      const points = [prints(actor).at(-1)!, ...[...actor.reflection, ...actor.dialogue].map((q) => firstLine(page, q.text)!)].map(centreOf);
      return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
    };
    for (const actor of around) {
      const c = blockCentre(actor);
      const block = Math.atan2(c.y - hub.y, c.x - hub.x);
      const nearest = [...sectors].sort((a, b) => Math.abs(wrap(a.angle - block)) - Math.abs(wrap(b.angle - block)))[0]!;
      expect(nearest.actor.id, actor.id).toBe(actor.id);
    }
  });

  it('prints every block’s questions in one type size', () => {
    const page = pdf.pages[0]!;
    const sizes = new Set(allActors(da.kit).flatMap((a) => [...a.reflection, ...a.dialogue].map((q) => firstLine(page, q.text)!.fontSize.toFixed(1))));
    expect([...sizes]).toHaveLength(1);
    expect(Number([...sizes][0])).toBeGreaterThanOrEqual(9);
  });

  it('carries the title, the introduction and the source', () => {
    const text = pdf.pages[0]!.text;
    expect(text).toContain(normalize(da.kit.checklist.title));
    expect(text).toContain(normalize(da.kit.checklist.intro));
    expect(text).toContain(da.kit.meta.source.short);
  });

  it('says it is Danish, names itself and embeds its fonts', () => {
    expect(pdf.language).toBe('da');
    expect(pdf.info.Title).toBe(`${da.t('poster.title')} – ${da.kit.meta.title}`);
    expect(pdf.fontsEmbedded).toBe(true);
  });
});

/** An angle folded into (−π, π]. */
function wrap(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}

describe('the 360° poster under pressure', () => {
  it('stays A3 when the kit is built for US Letter', async () => {
    const pdf = await poster({ paper: 'letter' });
    expect(pdf.pages).toHaveLength(1);
    expect(Math.abs(pdf.pages[0]!.width - A3.width)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(pdf.pages[0]!.height - A3.height)).toBeLessThanOrEqual(0.5);
  });

  it('keeps one page with every question in its block in the longer pseudo-language', async () => {
    const pdf = await poster({ lang: 'qps' });
    expect(pdf.pages).toHaveLength(1);
    expectQuestionsInBlocks(pdf.pages[0]!, localize(kit, CONTENT, 'qps'));
  });
});

describe('a poster for the wall (--poster)', () => {
  const questionSize = (pdf: PdfFile) => firstLine(pdf.pages[0]!, da.kit.checklist.centre.reflection[0]!.text)!.fontSize;
  const titleSize = (pdf: PdfFile) => Math.max(...pdf.pages[0]!.texts.map((t) => t.fontSize));

  it('grows the page and every type size with the paper: ×1.41 on A2, ×2 on A1', async () => {
    const a3 = await poster();
    for (const [size, factor, width, height] of [
      ['a2', Math.SQRT2, 1190.55, 1683.78],
      ['a1', 2, 1683.78, 2383.94],
    ] as const) {
      const pdf = await poster({ poster: size });
      expect(pdf.pages).toHaveLength(1);
      expect(Math.abs(pdf.pages[0]!.width - width), size).toBeLessThanOrEqual(0.5);
      expect(Math.abs(pdf.pages[0]!.height - height), size).toBeLessThanOrEqual(0.5);
      // Widths scale exactly, so the same lines wrap the same way and every size grows alike.
      expect(questionSize(pdf) / questionSize(a3), size).toBeCloseTo(factor, 1);
      expect(titleSize(pdf) / titleSize(a3), size).toBeCloseTo(factor, 1);
      expectQuestionsInBlocks(pdf.pages[0]!, da);
    }
  }, 120_000);

  it('sets the questions on A1 large enough to read from two metres (at least 20 pt)', async () => {
    expect(questionSize(await poster({ poster: 'a1' }))).toBeGreaterThanOrEqual(20);
  }, 60_000);
});

