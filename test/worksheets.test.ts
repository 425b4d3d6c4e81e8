import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../src/commands/build-options.js';
import { loadKit } from '../src/content/load.js';
import type { Exercise } from '../src/content/model.js';
import type { BuildOptions } from '../src/documents/family.js';
import { FLOW_MARGINS } from '../src/documents/page.js';
import { sheetViews } from '../src/documents/worksheets/views.js';
import { HEADER, linesGeometry, tableGeometry, type SheetGeometry } from '../src/documents/worksheets/geometry.js';
import { SheetSpaceError } from '../src/errors.js';
import { planWorksheets, worksheetFile, type PlannedExercise } from '../src/documents/worksheets/plan.js';
import { localize } from '../src/i18n/translator.js';
import type { Rect } from '../src/print/imposition.js';
import { PAPER, type PaperName } from '../src/print/paper.js';
import { PT_PER_MM } from '../src/print/units.js';
import { buildInto } from './helpers/build.js';
import { CONTENT, contentCopy, edit } from './helpers/content.js';
import { normalize, readPdf, type PdfFile } from './helpers/pdf.js';

const kit = loadKit(CONTENT);
const loc = localize(kit, CONTENT, 'da');
const [, , BOTTOM] = FLOW_MARGINS;
const MIN_PITCH_MM = 8;
const MIN_ROW_MM = 15;
/** Rounding room for millimetre sums, far below anything a printer shows. */
const EPS = 1e-6;

async function worksheetPdfs(paper: PaperName): Promise<Map<string, PdfFile>> {
  const built = await buildInto({ only: 'worksheets', paper });
  const pdfs = new Map<string, PdfFile>();
  for (const e of kit.exercises) pdfs.set(e.id, await readPdf(built.read('da', worksheetFile(e.id))));
  return pdfs;
}

function options(paper: PaperName): BuildOptions {
  const request = buildRequest({ content: CONTENT, lang: 'da', out: 'unused', paper, 'card-size': 'poker', duplex: 'long', bleed: 3, imposition: 'sheet' });
  return { ...request.options, date: new Date('2026-01-15T12:00:00Z') };
}

/** The texts a sheet must show: title, task, its starting point, prompts and field names. */
function expectedTexts(exercise: Exercise, sheetIndex: number): string[] {
  const sheet = exercise.worksheets[sheetIndex]!;
  const items = new Map([...(exercise.perspectives ?? []), ...(exercise.routes ?? []), ...exercise.questions].map((i) => [i.id, i.text]));
  return [
    sheet.title,
    sheet.task,
    ...(sheet.focus ? [items.get(sheet.focus)!] : []),
    ...sheet.prompts.map((p) => ('ref' in p ? items.get(p.ref)! : p.text)),
    ...sheet.fields.map((f) => f.text),
  ];
}

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - EPS && inner.y >= outer.y - EPS && inner.x + inner.width <= outer.x + outer.width + EPS && inner.y + inner.height <= outer.y + outer.height + EPS;

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - EPS && b.x < a.x + a.width - EPS && a.y < b.y + b.height - EPS && b.y < a.y + a.height - EPS;

describe('group worksheets on A4', () => {
  let pdfs: Map<string, PdfFile>;
  beforeAll(async () => {
    pdfs = await worksheetPdfs('a4');
  });

  it('writes one PDF per exercise with one page per worksheet in the content', () => {
    expect([...pdfs.keys()].map(worksheetFile)).toEqual(['gruppeark-hvem-definerer.pdf', 'gruppeark-faelles-ramme.pdf', 'gruppeark-borgerne.pdf', 'gruppeark-faggrupper.pdf']);
    for (const e of kit.exercises) expect(pdfs.get(e.id)!.pages.length, e.id).toBe(e.worksheets.length);
    expect(kit.exercises.map((e) => e.worksheets.length)).toEqual([4, 3, 1, 2]);
  });

  it('prints the exercise, and every title, task, starting point, prompt and field name on its own sheet', () => {
    for (const e of kit.exercises) {
      const pages = pdfs.get(e.id)!.pages;
      e.worksheets.forEach((sheet, i) => {
        const text = pages[i]!.text;
        expect(text, sheet.id).toContain(normalize(loc.t('worksheet.exercise', { number: e.number, title: e.title })));
        for (const expected of expectedTexts(e, i)) expect(text, `${sheet.id}: ${expected}`).toContain(normalize(expected));
      });
    }
  });

  it('prints on A4, portrait for ruled sheets and the map, landscape for the comparison table', () => {
    const a4 = { width: PAPER.a4.width * PT_PER_MM, height: PAPER.a4.height * PT_PER_MM };
    for (const e of kit.exercises) {
      pdfs.get(e.id)!.pages.forEach((page, i) => {
        const landscape = e.worksheets[i]!.layout === 'table';
        expect(page.width, e.worksheets[i]!.id).toBeCloseTo(landscape ? a4.height : a4.width, 1);
        expect(page.height, e.worksheets[i]!.id).toBeCloseTo(landscape ? a4.width : a4.height, 1);
      });
    }
  });

  it('keeps all text above the bottom margin except the footer with whose words the sheet carries and the page number', () => {
    for (const e of kit.exercises) {
      const pages = pdfs.get(e.id)!.pages;
      pages.forEach((page, i) => {
        const limit = page.height - BOTTOM * PT_PER_MM;
        const footer = page.texts.filter((t) => t.y > limit);
        const body = page.texts.filter((t) => t.y <= limit);
        expect(normalize(footer.map((t) => t.str).join(' ')), e.worksheets[i]!.id).toBe(normalize(`${sheetViews(loc, e)[i]!.attribution} ${loc.t('document.page', { page: i + 1, count: pages.length })}`));
        expect(Math.max(...body.map((t) => t.y)), e.worksheets[i]!.id).toBeLessThan(limit);
      });
    }
  });

  it('names the exercise in the PDF title and declares Danish', () => {
    for (const e of kit.exercises) {
      const pdf = pdfs.get(e.id)!;
      expect(pdf.info.Title).toContain(loc.t('worksheet.title', { number: e.number, title: e.title }));
      expect(pdf.language).toBe('da');
      expect(pdf.fontsEmbedded).toBe(true);
    }
  });
});

describe('group worksheets on US Letter', () => {
  it('prints every sheet on Letter paper, still one page per worksheet', async () => {
    const pdfs = await worksheetPdfs('letter');
    const letter = [PAPER.letter.width * PT_PER_MM, PAPER.letter.height * PT_PER_MM].sort();
    for (const e of kit.exercises) {
      const pages = pdfs.get(e.id)!.pages;
      expect(pages.length, e.id).toBe(e.worksheets.length);
      for (const page of pages) {
        const [short, long] = [page.width, page.height].sort();
        expect(short).toBeCloseTo(letter[0]!, 1);
        expect(long).toBeCloseTo(letter[1]!, 1);
      }
    }
  });
});

describe('the writing fields of every sheet', () => {
  const plans = new Map<string, PlannedExercise[]>();
  beforeAll(async () => {
    for (const paper of ['a4', 'letter'] as const) {
      for (const language of ['da', 'en', 'qps']) plans.set(`${paper} ${language}`, await planWorksheets(localize(kit, CONTENT, language), options(paper)));
    }
  });

  const everySheet = (check: (g: SheetGeometry, layout: string, name: string) => void) => {
    for (const [build, exercises] of plans) {
      for (const e of exercises) for (const s of e.sheets) check(s.geometry, s.view.layout, `${build} ${s.view.id}`);
    }
  };

  it('lie inside the page margins, with every text block and ruled line', () => {
    for (const [build, exercises] of plans) {
      for (const e of exercises) {
        for (const s of e.sheets) {
          const [top, right, bottom, left] = FLOW_MARGINS;
          const area = { x: left, y: top, width: s.page.width - left - right, height: s.page.height - top - bottom };
          expect(s.geometry.area).toEqual(area);
          for (const f of s.geometry.fields) {
            expect(inside(f.rect, area), `${build} ${s.view.id} field ${f.id}`).toBe(true);
            for (const y of f.rules) expect(y, `${build} ${s.view.id} ${f.id}`).toBeLessThanOrEqual(f.rect.y + f.rect.height + EPS);
            for (const x of f.columns) expect(x).toBeLessThan(f.rect.x + f.rect.width);
          }
          for (const t of s.geometry.texts) expect(inside(t.rect, area), `${build} ${s.view.id} text ${t.id}`).toBe(true);
        }
      }
    }
  });

  it('never overlap each other or the header and prompts', () => {
    everySheet((g, layout, name) => {
      const header = g.texts.find((t) => t.id === HEADER)!.rect;
      g.fields.forEach((f, i) => {
        expect(overlap(f.rect, header), `${name} ${f.id} under the header`).toBe(false);
        for (const other of g.fields.slice(i + 1)) expect(overlap(f.rect, other.rect), `${name} ${f.id} / ${other.id}`).toBe(false);
        // Labels of map fields and table heads sit inside their field; prompts sit above theirs.
        if (layout === 'lines') for (const t of g.texts) expect(overlap(f.rect, t.rect), `${name} ${f.id} / text ${t.id}`).toBe(false);
      });
    });
  });

  it('fill the page down to the bottom margin, with room for handwriting', () => {
    everySheet((g, layout, name) => {
      const bottom = Math.max(...g.fields.map((f) => f.rect.y + f.rect.height));
      expect(bottom, name).toBeCloseTo(g.area.y + g.area.height, 6);
      for (const f of g.fields) {
        const edges = f.kind === 'lines' ? [f.rect.y, ...f.rules] : f.kind === 'table' ? [...f.rules, f.rect.y + f.rect.height] : [];
        const gaps = edges.slice(1).map((y, k) => y - edges[k]!);
        const least = f.kind === 'table' ? MIN_ROW_MM : MIN_PITCH_MM;
        for (const gap of gaps) expect(gap, `${name} ${f.id}`).toBeGreaterThanOrEqual(least - EPS);
        if (f.kind === 'lines') expect(f.rules.length, `${name} ${f.id}`).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('give the map a centre for the core task and a box for each field around it', () => {
    const map = plans.get('a4 da')!.flatMap((e) => e.sheets).find((s) => s.view.layout === 'map')!;
    const centre = map.geometry.fields.find((f) => f.kind === 'ellipse')!;
    const boxes = map.geometry.fields.filter((f) => f.kind === 'box');
    expect(boxes.map((b) => b.id)).toEqual(map.view.fields.map((f) => f.id));
    const mid = { x: centre.rect.x + centre.rect.width / 2, y: centre.rect.y + centre.rect.height / 2 };
    const area = map.geometry.area;
    expect(mid.x).toBeCloseTo(area.x + area.width / 2, 6);
    // Above, below, left and right of the centre: one of each.
    const sides = boxes.map((b) => (b.rect.y + b.rect.height <= centre.rect.y ? 'above' : b.rect.y >= centre.rect.y + centre.rect.height ? 'below' : b.rect.x < mid.x ? 'left' : 'right'));
    expect(new Set(sides)).toEqual(new Set(['above', 'below', 'left', 'right']));
  });
});

describe('sheets with more text', () => {
  it('keep one page per sheet when a task is three times as long: the lines make room', async () => {
    const dir = contentCopy();
    const task = kit.exercises[0]!.worksheets[0]!.task;
    edit(dir, 'exercises/1-hvem-definerer.yaml', /task: >-\n(\s+)Undersøg kerneopgaven/, `task: >-\n$1${task} ${task} ${task}\n$1Undersøg kerneopgaven`);
    const longKit = loadKit(dir);
    const [plan] = await planWorksheets(localize(longKit, dir, 'da'), options('a4'));
    const [short] = await planWorksheets(loc, options('a4'));
    const lines = (p: PlannedExercise) => p.sheets[0]!.geometry.fields.reduce((n, f) => n + f.rules.length, 0);
    expect(lines(plan!)).toBeLessThan(lines(short!));
    const g = plan!.sheets[0]!.geometry;
    expect(Math.max(...g.fields.map((f) => f.rect.y + f.rect.height))).toBeCloseTo(g.area.y + g.area.height, 6);
  });

  it('refuse a header that leaves no room to write, naming the sheet', () => {
    const dir = contentCopy();
    const task = kit.exercises[0]!.worksheets[0]!.task;
    edit(dir, 'exercises/1-hvem-definerer.yaml', /task: >-\n(\s+)Undersøg kerneopgaven/, `task: >-\n$1${Array(13).fill(task).join(' ')}\n$1Undersøg kerneopgaven`);
    const longKit = loadKit(dir);
    expect(() => planWorksheets(localize(longKit, dir, 'da'), options('a4'))).toThrow(/hd-ark-formel/);
  });

  it('refuse ruled sheets whose prompts leave too few lines, and never draw lines closer than the minimum', () => {
    const area = { x: 18, y: 22, width: 174, height: 255 };
    const spec = { pitch: 9, minPitch: 8, minLines: 2, gap: 6 };
    expect(() => linesGeometry('tall', area, 230, 6, [{ id: 'a', height: 7 }, { id: 'b', height: 7 }], spec)).toThrow(SheetSpaceError);
    for (let header = 20; header <= 150; header += 7.3) {
      const g = linesGeometry('any', area, header, 6, [{ id: 'a', height: 6.7 }, { id: 'b', height: 12.9 }, { id: 'c', height: 6.7 }], spec);
      const pitch = g.fields[0]!.rules[0]! - g.fields[0]!.rect.y;
      expect(pitch).toBeGreaterThanOrEqual(spec.minPitch);
      expect(g.fields.at(-1)!.rect.y + g.fields.at(-1)!.rect.height).toBeCloseTo(area.y + area.height, 9);
    }
    const tableSpec = { padding: 2.5, minRowHeight: 16, firstColumn: 0.75 };
    const heads = [{ id: 'a', height: 4 }, { id: 'b', height: 8 }];
    const table = tableGeometry('t', area, 200, 6, heads, tableSpec);
    // 255 − 200 − 6 = 49 mm: a head row of 8 + 2 × 2.5 mm leaves two rows of 18 mm.
    expect(table.fields[0]!.rules).toEqual([22 + 206 + 13, 22 + 206 + 13 + 18]);
    expect(() => tableGeometry('t', area, 230, 6, heads, tableSpec)).toThrow(SheetSpaceError);
  });
});
