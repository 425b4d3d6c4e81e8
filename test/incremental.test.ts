import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRequest, type RawBuildArgs } from '../src/commands/build-options.js';
import { build, type BuildRequest } from '../src/driver/build.js';
import { contentCopy, edit } from './helpers/content.js';
import { snapshot, tempDir } from './helpers/files.js';

function request(content: string, out: string, extra: Partial<BuildRequest> = {}, options: Partial<RawBuildArgs> = {}): BuildRequest {
  const args: RawBuildArgs = { content, lang: 'da', out, paper: 'a4', 'card-size': 'poker', duplex: 'long', bleed: 3, imposition: 'sheet', ...options };
  return { ...buildRequest(args), ...extra };
}

/** Modification time and inode of every file: what changes when a file is rewritten. */
function stamps(dir: string): Record<string, string> {
  return Object.fromEntries(Object.keys(snapshot(dir)).map((p) => {
    const st = statSync(join(dir, p));
    return [p, `${st.ino}:${st.mtimeMs}`];
  }));
}

describe('incremental builds', () => {
  let base: { content: string; out: string } | undefined;
  /**
   * A content copy and a build of it, each case's own: the first build is made once, by the
   * case that needs it first, and copied, so that each case runs alone and in any order.
   */
  async function built(): Promise<{ content: string; out: string }> {
    if (!base) {
      const content = contentCopy();
      const out = join(tempDir('inc'), 'out');
      const first = await build(request(content, out));
      expect(first.files.length).toBe(9);
      base = { content, out };
    }
    const own = { content: tempDir('inc-content'), out: join(tempDir('inc'), 'out') };
    cpSync(base.content, own.content, { recursive: true });
    cpSync(base.out, own.out, { recursive: true });
    return own;
  }

  it('rewrites nothing when nothing changed', async () => {
    const { content, out } = await built();
    const before = stamps(out);
    const again = await build(request(content, out));
    expect(again.upToDate).toBe(true);
    expect(again.files).toEqual([]);
    expect(stamps(out)).toEqual(before);
  });

  it('re-renders only the documents that show a changed question', async () => {
    const { content, out } = await built();
    const before = snapshot(out);
    edit(content, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om netop dette?');
    const result = await build(request(content, out));
    expect(result.files.map((f) => f.path).sort()).toEqual(['da/360-graders-blik.pdf', 'da/facilitatorguide.pdf', 'da/plakat-360.pdf', 'da/spoergsmaalskort.pdf']);
    const after = snapshot(out);
    for (const untouched of ['da/gruppeark-hvem-definerer.pdf', 'da/gruppeark-borgerne.pdf', 'da/misforstaaelser.pdf']) expect(after[untouched], untouched).toBe(before[untouched]);
    expect(after['da/spoergsmaalskort.pdf']).not.toBe(before['da/spoergsmaalskort.pdf']);
    // The bundle follows the PDFs it holds.
    expect(after['da/kernekit-da.zip']).not.toBe(before['da/kernekit-da.zip']);
  });

  it('re-renders one worksheet file when only its exercise changed', async () => {
    const { content, out } = await built();
    edit(content, 'exercises/3-borgerne.yaml', 'Sæt en stjerne ved', 'Sæt gerne en stjerne ved');
    const result = await build(request(content, out));
    expect(result.files.map((f) => f.path)).toEqual(['da/gruppeark-borgerne.pdf', 'da/facilitatorguide.pdf']);
  });

  it('re-renders only the guide for another meeting: a start time, exercises, a break', async () => {
    const { content, out } = await built();
    let result = await build(request(content, out, {}, { start: '09:00' }));
    expect(result.files.map((f) => f.path)).toEqual(['da/facilitatorguide.pdf']);
    result = await build(request(content, out, {}, { start: '13:00', exercises: '3,1', break: '10' }));
    expect(result.files.map((f) => f.path)).toEqual(['da/facilitatorguide.pdf']);
    result = await build(request(content, out, {}, { start: '13:00', exercises: '3,1', break: '10' }));
    expect(result.upToDate).toBe(true);
  });

  it('rebuilds everything with force', async () => {
    const { content, out } = await built();
    const result = await build(request(content, out, { force: true }));
    expect(result.files.length).toBe(9);
  });
});

describe('parallel rendering', () => {
  it('gives the same bytes as a serial build', async () => {
    const serial = join(tempDir('serial'), 'out');
    const parallel = join(tempDir('parallel'), 'out');
    const content = contentCopy();
    await build({ ...request(content, serial), languages: ['da', 'en'], jobs: 1 });
    await build({ ...request(content, parallel), languages: ['da', 'en'], jobs: 2 });
    const a = snapshot(serial);
    expect(Object.keys(a).length).toBeGreaterThan(30);
    expect(snapshot(parallel)).toEqual(a);
  });
});
