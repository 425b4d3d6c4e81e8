import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../src/commands/build-options.js';
import { build } from '../src/driver/build.js';
import { loadKit } from '../src/content/load.js';
import { localize } from '../src/i18n/translator.js';
import { builtPdf } from './helpers/build.js';
import { CONTENT } from './helpers/content.js';
import { normalize, readPdf, type PdfFile } from './helpers/pdf.js';
import { tempDir } from './helpers/files.js';

const FILE = 'facilitatorguide.pdf';
const kit = loadKit(CONTENT);
const loc = localize(kit, CONTENT, 'da');
const MEETING = { exercises: '1,3', break: '10', participants: '23', groups: '4', start: '09:00' };

/** The titles set as chapter headings (large type), in order. */
const headings = (pdf: PdfFile) => pdf.pages.flatMap((p) => p.texts.filter((t) => t.fontSize >= 18).map((t) => t.str.trim()));

describe('the guide for one meeting: --exercises 1,3 --break 10 --participants 23 --groups 4 --start 09:00', () => {
  let pdf: PdfFile;
  beforeAll(async () => ({ pdf } = await builtPdf('guide', FILE, MEETING)));
  const text = () => normalize(pdf.pages.map((p) => p.text).join(' '));

  it('holds the chapters of exercises 1 and 3 only, in that order', () => {
    const big = headings(pdf).join(' ');
    const [one, two, three, four] = kit.exercises;
    expect(big).toContain(normalize(one!.title).split(' ')[0]);
    for (const e of [two!, four!]) expect(big, e.id).not.toContain(normalize(e.title));
    expect(text().indexOf(normalize(three!.purpose))).toBeGreaterThan(text().indexOf(normalize(one!.purpose)));
  });

  it('opens with a run sheet on one page: exercise 1 at 09:00, the break, exercise 3 at 10:10, and the end', () => {
    const sheet = normalize(pdf.pages[1]!.text);
    expect(sheet).toContain(loc.t('guide.runSheet.title'));
    expect(sheet).toMatch(/09:00–10:00 Øvelse 1/);
    expect(sheet).toContain('Pause 10:00–10:10');
    expect(sheet).toMatch(/10:10–11:05 Øvelse 3/);
    expect(sheet).toContain('Slut kl. 11:05 (125 min i alt)');
    expect(sheet).toContain('23 deltagere i 4 grupper à 5–6');
    expect(normalize(pdf.pages[2]!.text)).not.toContain(loc.t('guide.runSheet.step'));
  });

  it('has a group table for each exercise: 6, 6, 6 and 5 people, perspectives starting over at group 4', () => {
    const all = text();
    const [one] = kit.exercises;
    expect(all).toContain(`Gruppe 1 6 personer ${normalize(loc.t('guide.quote', { text: one!.perspectives![0]!.text }))}`);
    expect(all).toContain(`Gruppe 4 5 personer ${normalize(loc.t('guide.quote', { text: one!.perspectives![0]!.text }))}`);
    expect(all).toContain('Gruppe 1 og 4 arbejder med det samme perspektiv');
    expect(all).toContain(`Gruppe 4 5 personer ${loc.t('guide.groups.work.questions')}`);
  });

  it("gives each step what the facilitator does and says, labelled as the kit's own", () => {
    const all = text();
    for (const e of kit.exercises.filter((x) => x.number === 1 || x.number === 3)) {
      for (const s of e.steps) expect(all, s.id).toContain(normalize(`${loc.t('guide.plan.facilitator')} ${s.facilitator!.text}`));
    }
  });
});

describe('a meeting longer than its --minutes', () => {
  it('is still built, the run sheet says by how much it overruns, and the build warns (the words docs/facilitator.md quotes)', async () => {
    const out = tempDir('out');
    const result = await build(buildRequest({ content: CONTENT, out, lang: 'da', only: 'guide', duplex: 'long', bleed: 3, imposition: 'sheet', ...MEETING, minutes: '120' }));
    expect(result.warnings.meeting).toBe('the exercises 1,3 with their breaks take 125 minutes, 5 more than --minutes 120. The guide\'s run sheet says so too; choose fewer exercises with --exercises, or give a longer --minutes.');
    const pdf = await readPdf(readFileSync(join(out, 'da', FILE)));
    expect(normalize(pdf.pages[1]!.text)).toContain('Øvelserne varer 5 min længere end de 120 min, mødet har.');
  });
});
