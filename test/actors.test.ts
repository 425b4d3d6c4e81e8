import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../src/content/load.js';
import { allActors, checklistQuestionCount, type Actor } from '../src/content/model.js';
import { FLOW_MARGINS } from '../src/documents/page.js';
import { FIRST_SECTOR_ANGLE } from '../src/documents/wheel/draw.js';
import { mirroredWheel, wheelGeometry, type Point, type WheelSpec } from '../src/documents/wheel/geometry.js';
import { localize, type Localization } from '../src/i18n/translator.js';
import { PT_PER_MM } from '../src/print/units.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildInto } from './helpers/build.js';
import { spawnKernekit } from './helpers/cli.js';
import { tempDir } from './helpers/files.js';
import { CONTENT } from './helpers/content.js';
import { normalize, readPdf, type PdfFile, type PdfPage, type PdfText } from './helpers/pdf.js';

const FILE = '360-graders-blik.pdf';
const kit = loadKit(CONTENT);
const da = localize(kit, CONTENT, 'da');

async function sheet(lang = 'da', paper: 'a4' | 'letter' = 'a4'): Promise<PdfFile> {
  const built = await buildInto({ only: 'actors', lang, paper });
  return readPdf(built.read(lang, FILE));
}

/** The line a text starts on: the first text item that begins it. */
function firstLine(page: PdfPage, text: string): PdfText | undefined {
  const want = normalize(text);
  return page.texts.find((t) => {
    const line = normalize(t.str).replace(/-$/, '');
    return line.length >= Math.min(12, want.length) && want.startsWith(line);
  });
}

const groups = (actor: Actor) =>
  (['reflection', 'dialogue'] as const).filter((kind) => actor[kind].length > 0).map((kind) => ({ kind, questions: actor[kind] }));

describe('the 360° sheet', () => {
  let pdf: PdfFile;
  beforeAll(async () => (pdf = await sheet()));

  it('is the wheel page and then one page per actor, the centre first', () => {
    const actors = allActors(da.kit);
    expect(pdf.pages).toHaveLength(1 + actors.length);
    actors.forEach((actor, i) => {
      const page = pdf.pages[i + 1]!;
      const largest = [...page.texts].sort((a, b) => b.fontSize - a.fontSize)[0]!;
      expect(largest.str.trim(), `page ${i + 2}`).toBe(actor.name);
    });
  });

  it('prints every one of the 32 questions once, on its actor’s page, below the heading of its group', () => {
    expect(checklistQuestionCount(da.kit)).toBe(32);
    const heading = { reflection: da.t('actors.reflection'), dialogue: da.t('actors.dialogue') };
    allActors(da.kit).forEach((actor, i) => {
      const page = pdf.pages[i + 1]!;
      let groupTop = -Infinity;
      for (const group of groups(actor)) {
        const head = firstLine(page, heading[group.kind]);
        expect(head, `${actor.id}: ${group.kind} heading`).toBeDefined();
        // Reflection comes first, then dialogue, and every question of a group lies between its heading and the next.
        expect(head!.y, `${actor.id}: ${group.kind} heading`).toBeGreaterThan(groupTop);
        groupTop = head!.y;
        for (const q of group.questions) {
          expect(page.text, q.id).toContain(normalize(q.text));
          expect(pdf.pages.filter((p) => p.text.includes(normalize(q.text))), q.id).toHaveLength(1);
          expect(firstLine(page, q.text)!.y, q.id).toBeGreaterThan(head!.y);
        }
      }
      const dialogue = firstLine(page, heading.dialogue);
      if (actor.dialogue.length === 0) expect(dialogue, `${actor.id} has no dialogue questions, so no dialogue heading`).toBeUndefined();
      else for (const q of actor.reflection) expect(firstLine(page, q.text)!.y, q.id).toBeLessThan(dialogue!.y);
    });
  });

  it('has the title, the introduction and the wheel with all seven actors on its first page', () => {
    const page = pdf.pages[0]!;
    expect(page.text).toContain(normalize(da.kit.checklist.title));
    expect(page.text).toContain(normalize(da.kit.checklist.intro));
    const actors = allActors(da.kit);
    expect(actors).toHaveLength(7);
    for (const actor of actors) expect(page.text.replace(/\s/g, ''), actor.id).toContain(actor.name.replace(/\s/g, ''));
  });

  it('places the actors around the hub clockwise in wheel order, each label inside its own sector', () => {
    expectLabelsInSectors(pdf.pages[0]!, da);
  });

  it('carries the source and "Side x af y" on every page', () => {
    pdf.pages.forEach((page, i) => {
      expect(page.text).toContain(da.kit.meta.source.short);
      expect(page.text).toContain(da.t('document.page', { page: i + 1, count: pdf.pages.length }));
    });
  });

  it('says it is Danish, has the checklist as its title and embeds its fonts', () => {
    expect(pdf.language).toBe('da');
    expect(pdf.info.Title).toBe(`${da.kit.checklist.title} – ${da.kit.meta.title}`);
    expect(pdf.fontsEmbedded).toBe(true);
  });
});

describe('the 360° sheet under pressure', () => {
  it('stops with one line naming the document, language and actor when a page cannot hold the questions and their lines (the pseudo-language on Letter)', async () => {
    const out = join(tempDir('actors-space'), 'out');
    for (const json of [false, true]) {
      const r = await spawnKernekit(['build', '--lang', 'qps', '--paper', 'letter', '--only', 'actors', '--content', CONTENT, '--out', out, ...(json ? ['--json'] : [])], { timeoutMs: 120_000 });
      expect(r.code).toBe(1);
      expect(r.err).not.toMatch(/\n\s+at /);
      const text = json ? (JSON.parse(r.out) as { problems: Array<{ message: string; rule: string }> }).problems[0]! : { message: r.err, rule: 'text-does-not-fit' };
      expect(text.rule).toBe('text-does-not-fit');
      expect(text.message).toMatch(/360-graders-blik\.pdf \(qps\): the page for "tillidsrepraesentanter": .*writing lines.*--paper a4/);
    }
    expect(existsSync(out)).toBe(false);
  }, 240_000);

  it('keeps one page per actor on US Letter', async () => {
    const pdf = await sheet('da', 'letter');
    expect(pdf.pages).toHaveLength(8);
    expect([pdf.pages[0]!.width, pdf.pages[0]!.height].map(Math.round)).toEqual([612, 792]);
  });

  it('keeps every label in its sector and every actor on one page in the longer pseudo-language', async () => {
    const qps = localize(kit, CONTENT, 'qps');
    const pdf = await sheet('qps');
    expect(pdf.pages).toHaveLength(8);
    expectLabelsInSectors(pdf.pages[0]!, qps);
    allActors(qps.kit).forEach((actor, i) => {
      for (const q of [...actor.reflection, ...actor.dialogue]) expect(pdf.pages[i + 1]!.text, q.id).toContain(normalize(q.text));
    });
  });
});

/**
 * Reads the wheel's labels off the page and checks that every corner of every text line of a
 * ring label lies in its actor's slice of the circle, seen from the middle of the hub's label.
 * Labels are drawn hub first, then the ring in wheel order; each starts with its actor's code
 * and ends where the next one (or the page's running footer) starts.
 */
function expectLabelsInSectors(page: PdfPage, loc: Localization): void {
  const actors = allActors(loc.kit);
  // Codes are letter-spaced, so a reader may see "T R".
  const starts = actors.map((a) => page.texts.findIndex((t) => t.str.replace(/\s/g, '') === a.code));
  expect(starts.every((s) => s >= 0), 'every actor code is printed').toBe(true);
  const [top, , bottom] = FLOW_MARGINS.map((m) => m * PT_PER_MM);
  const inContent = (t: PdfText) => t.y > top! && t.y < page.height - bottom!;
  const labels = starts.map((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : page.texts.findIndex((t, k) => k > s && !inContent(t));
    return page.texts.slice(s, end);
  });
  labels.forEach((lines, i) => {
    const text = normalize(lines.map((t) => t.str).join(' ')).replace(/\s/g, '');
    expect(text, actors[i]!.id).toContain(normalize(actors[i]!.name).replace(/\s/g, ''));
  });

  const box = (t: PdfText) => ({ left: t.x, right: t.x + t.width, top: t.y - 0.75 * t.fontSize, bottom: t.y + 0.25 * t.fontSize });
  const hub = labels[0]!.map(box);
  const centre: Point = {
    x: (Math.min(...hub.map((b) => b.left)) + Math.max(...hub.map((b) => b.right))) / 2,
    y: (Math.min(...hub.map((b) => b.top)) + Math.max(...hub.map((b) => b.bottom))) / 2,
  };
  const span = (2 * Math.PI) / (actors.length - 1);
  labels.slice(1).forEach((lines, i) => {
    const mid = FIRST_SECTOR_ANGLE + i * span;
    for (const b of lines.map(box)) {
      for (const corner of [
        { x: b.left, y: b.top },
        { x: b.right, y: b.top },
        { x: b.left, y: b.bottom },
        { x: b.right, y: b.bottom },
      ]) {
        const off = Math.abs(wrap(Math.atan2(corner.y - centre.y, corner.x - centre.x) - mid));
        expect(off, `${actors[i + 1]!.id}: a corner of "${lines.map((t) => t.str).join(' ')}" leaves its sector`).toBeLessThan(span / 2);
      }
    }
  });
}

/** An angle folded into (−π, π]. */
function wrap(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}

describe('the wheel geometry', () => {
  const specs: WheelSpec[] = [
    { diameter: 150, hub: 0.3, gap: 1.4, padding: 2.5, labelHeight: 20, count: 6, firstAngle: FIRST_SECTOR_ANGLE },
    { diameter: 126, hub: 0.25, gap: 2, padding: 3, labelHeight: 15, count: 6, firstAngle: 0.3 },
    { diameter: 200, hub: 0.35, gap: 1, padding: 2, labelHeight: 30, count: 5, firstAngle: -Math.PI / 2 },
    { diameter: 160, hub: 0.3, gap: 1.4, padding: 2.5, labelHeight: 20, count: 8, firstAngle: 1 },
  ];

  it.each(specs)('cuts the ring into sectors that together go once round the circle ($count sectors)', (spec) => {
    const wheel = wheelGeometry(spec);
    expect(wheel.sectors).toHaveLength(spec.count);
    const total = wheel.sectors.reduce((s, x) => s + (x.end - x.start), 0);
    expect(total).toBeCloseTo(2 * Math.PI, 9);
    wheel.sectors.forEach((s, i) => {
      const next = wheel.sectors[(i + 1) % spec.count]!;
      expect(Math.abs(wrap(next.start - s.end)), `sector ${i} meets the next`).toBeLessThan(1e-9);
      expect(s.end - s.start).toBeCloseTo((2 * Math.PI) / spec.count, 9);
    });
  });

  it.each(specs)('keeps every coloured outline inside its slice and ring, clear of the hub ($count sectors)', (spec) => {
    const wheel = wheelGeometry(spec);
    for (const s of wheel.sectors) {
      for (const p of s.outline) {
        const { r, angle } = polar(p, wheel.centre);
        expect(r).toBeGreaterThanOrEqual(wheel.hubRadius + spec.gap - 1e-6);
        expect(r).toBeLessThanOrEqual(spec.diameter / 2 + 1e-6);
        expect(inSlice(angle, s.start, s.end)).toBe(true);
      }
    }
  });

  it.each(specs)('puts every label box inside its own sector, at least labelHeight tall ($count sectors)', (spec) => {
    const wheel = wheelGeometry(spec);
    for (const [i, s] of wheel.sectors.entries()) {
      const { x, y, width, height } = s.label;
      expect(height, `sector ${i}`).toBeGreaterThanOrEqual(spec.labelHeight - 1e-6);
      expect(width, `sector ${i}`).toBeGreaterThan(height);
      // Points all round the box's edge, not only its corners: the hub bulges into a box's lower edge.
      for (let k = 0; k <= 40; k++) {
        const f = k / 40;
        for (const p of [
          { x: x + f * width, y },
          { x: x + f * width, y: y + height },
          { x, y: y + f * height },
          { x: x + width, y: y + f * height },
        ]) {
          const { r, angle } = polar(p, wheel.centre);
          expect(r, `sector ${i}: the label box reaches into the hub or past the rim`).toBeGreaterThanOrEqual(s.inner + spec.padding - 1e-6);
          expect(r).toBeLessThanOrEqual(s.outer - spec.padding + 1e-6);
          expect(inSlice(angle, s.start, s.end), `sector ${i}: the label box crosses into a neighbour`).toBe(true);
        }
      }
    }
    // The hub's label box lies inside the hub.
    const h = wheel.hubLabel;
    for (const corner of [
      { x: h.x, y: h.y },
      { x: h.x + h.width, y: h.y + h.height },
    ]) {
      expect(polar(corner, wheel.centre).r).toBeLessThanOrEqual(wheel.hubRadius - spec.padding + 1e-6);
    }
  });

  it('mirrored for a right-to-left language: the first actor at 1–2 o\'clock, the rest counter-clockwise, every shape and label inside its slice', () => {
    const spec = specs[0]!;
    const wheel = mirroredWheel(wheelGeometry(spec));
    const middle = (i: number) => polar(centroid(wheel.sectors[i]!.label), wheel.centre).angle;
    // Up and to the right; the second to its left, across the top.
    expect(Math.cos(middle(0))).toBeGreaterThan(0);
    expect(Math.sin(middle(0))).toBeLessThan(0);
    expect(centroid(wheel.sectors[1]!.label).x).toBeLessThan(centroid(wheel.sectors[0]!.label).x);
    for (const s of wheel.sectors) {
      expect(s.end - s.start).toBeCloseTo((2 * Math.PI) / spec.count, 9);
      for (const p of [...s.outline, centroid(s.label)]) expect(inSlice(polar(p, wheel.centre).angle, s.start, s.end)).toBe(true);
    }
  });
});

const centroid = (r: { x: number; y: number; width: number; height: number }): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

function polar(p: Point, centre: Point): { r: number; angle: number } {
  return { r: Math.hypot(p.x - centre.x, p.y - centre.y), angle: Math.atan2(p.y - centre.y, p.x - centre.x) };
}

function inSlice(angle: number, start: number, end: number): boolean {
  const a = ((angle - start) % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI);
  return a <= end - start + 1e-9;
}
