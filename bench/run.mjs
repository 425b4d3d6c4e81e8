// npm run bench: times whole kernekit processes, as a user waits for them. Not a test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'kernekit-bench-'));

const scenarios = [
  { name: 'validate', args: ['validate'] },
  { name: 'deck (da, poker, A4)', args: ['build', '--only', 'cards'] },
  { name: 'deck (da, A6, print shop)', args: ['build', '--only', 'cards', '--card-size', 'a6', '--imposition', 'single'] },
  { name: 'full kit (da)', args: ['build'] },
];

function run(args, out) {
  const rssFile = join(work, 'rss');
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', join(root, 'bench/peak-rss.mjs'), join(root, 'bin/kernekit.js'), ...args, ...(args[0] === 'build' ? ['--out', out] : [])], {
    cwd: root,
    env: { ...process.env, KERNEKIT_BENCH_RSS: rssFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`kernekit ${args.join(' ')} failed:\n${child.stderr}`);
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')) };
}

function outputs(dir) {
  let pages = 0;
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.pdf')) {
        files++;
        bytes += statSync(p).size;
        pages += (readFileSync(p, 'latin1').match(/\/Type \/Page\b/g) ?? []).length;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    // validate writes nothing
  }
  return { pages, bytes, files };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const node = [];
for (let i = 0; i < RUNS; i++) {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  node.push(Number(process.hrtime.bigint() - t) / 1e9);
}
rows.push({ scenario: 'node -e 0 (start-up floor)', median: median(node), min: Math.min(...node), rss: 0, pages: 0, files: 0, bytes: 0 });
for (const s of scenarios) {
  const times = [];
  const rss = [];
  let made = { pages: 0, bytes: 0, files: 0 };
  for (let i = 0; i < RUNS; i++) {
    const out = join(work, `out-${rows.length}-${i}`);
    const r = run(s.args, out);
    times.push(r.seconds);
    rss.push(r.rss);
    made = outputs(out);
    rmSync(out, { recursive: true, force: true });
  }
  rows.push({ scenario: s.name, median: median(times), min: Math.min(...times), rss: Math.max(...rss), ...made });
}
rmSync(work, { recursive: true, force: true });

const mb = (b) => (b / 1024 / 1024).toFixed(1);
console.log(`kernekit benchmark: ${RUNS} runs each, fresh process per run, node ${process.version}`);
console.log('| scenario | median s | min s | pages | pages/s | files | output MB | peak RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const pps = r.pages ? (r.pages / r.median).toFixed(1) : '';
  console.log(`| ${r.scenario} | ${r.median.toFixed(3)} | ${r.min.toFixed(3)} | ${r.pages || ''} | ${pps} | ${r.files || ''} | ${r.bytes ? mb(r.bytes) : ''} | ${r.rss ? mb(r.rss) : ''} |`);
}
