import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCopy, edit } from './helpers/content.js';
import { runKernekit, STACK_TRACE, startKernekit } from './helpers/cli.js';
import { snapshot, tempDir } from './helpers/files.js';
import { until } from './helpers/until.js';

/** A content copy whose checklist asks a question with a character the kit's fonts lack: the build fails just before rendering. */
function unprintableContent(): string {
  const content = contentCopy();
  edit(content, 'checklist.yaml', 'text: Hvem kan du samarbejde med om dette?', 'text: Hvem kan du samarbejde med om dette ☃?');
  return content;
}

describe('a build that fails ends its process', () => {
  it('after a card size that does not fit the paper: exit 2, one message', async () => {
    const out = join(tempDir('exit'), 'out');
    const r = await runKernekit(['build', '--only', 'cards', '--card-size', '1000x1000', '--out', out], { limitMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/1000×1000 mm card .* does not fit/);
    expect(r.err).not.toMatch(STACK_TRACE);
  });

  it.each(['0', '99', '1.5'])('after --jobs %s: exit 2 and one message, before anything else is printed or written', async (jobs) => {
    const out = join(tempDir('exit-jobs'), 'out');
    const r = await runKernekit(['build', '--only', 'cards', '--jobs', jobs, '--out', out], { limitMs: 30_000 });
    expect([r.code, r.out, existsSync(out)]).toEqual([2, '', false]);
    expect(r.err).toMatch(new RegExp(`^kernekit: --jobs ${jobs.replace('.', '\\.')} is not a thread count`));
  });

  it('after a character the fonts lack, leaving the previous output as it was', async () => {
    const out = join(tempDir('exit'), 'out');
    expect((await runKernekit(['build', '--only', 'handout', '--out', out], { limitMs: 30_000 })).code).toBe(0);
    const before = snapshot(out);
    const r = await runKernekit(['build', '--only', 'cards', '--out', out, '--content', unprintableContent()], { limitMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.err).toContain('U+2603');
    expect(r.err).not.toMatch(STACK_TRACE);
    expect(snapshot(out)).toEqual(before);
  });

  it('watch stops at the first Ctrl-C after a failed build', async () => {
    const out = join(tempDir('exit'), 'out');
    const watch = startKernekit(['watch', '--only', 'cards', '--out', out, '--content', unprintableContent()], { limitMs: 40_000 });
    await until(() => watch.output().err.includes('U+2603') && watch.output().out.includes('Watching'), 'the failed build');
    watch.signal('SIGINT');
    const r = await watch.done;
    expect(r.code).toBe(0);
  });
});

describe('watch and the config file', () => {
  it('rebuilds when kernekit.config.yaml is created after watch started', async () => {
    const dir = tempDir('exit');
    const watch = startKernekit(['watch', '--only', 'handout', '--out', 'out', '--content', contentCopy()], { cwd: dir, limitMs: 60_000 });
    await until(() => /Watching .* for changes/.test(watch.output().out), 'the first build');
    const manifest = () => snapshot(join(dir, 'out'))['manifest.json'];
    const first = manifest();
    writeFileSync(join(dir, 'kernekit.config.yaml'), 'organisation: Eksempel Kommune\n');
    await until(() => watch.output().out.includes('misforstaaelser.pdf') && manifest() !== first, 'the rebuild with the new config', 40_000);
    watch.signal('SIGINT');
    expect((await watch.done).code).toBe(0);
  });
});
