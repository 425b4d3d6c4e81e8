// npm run bench: times whole kernekit processes, as a user waits for them, plus the warm
// rebuild a watching editor sees. A benchmark, not a test: it prints numbers and judges nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'kernekit-bench-'));
const content = join(work, 'content');
cpSync(join(root, 'content'), content, { recursive: true });

// The engine cache (shaped words, measured heights) lives in the benchmark's folder, never the user's.
const warmCache = join(work, 'cache-warm');
let coldCaches = 0;

function run(args, cache = warmCache) {
  const rssFile = join(work, 'rss');
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', join(root, 'bench/peak-rss.mjs'), join(root, 'bin/kernekit.js'), ...args, '--content', content], {
    cwd: work,
    env: { ...process.env, KERNEKIT_BENCH_RSS: rssFile, KERNEKIT_CACHE_DIR: cache },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`kernekit ${args.join(' ')} failed:\n${child.stderr}`);
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')) };
}

function outputs(dir) {
  const made = { pages: 0, bytes: 0, files: 0 };
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.pdf')) {
        made.files++;
        made.bytes += statSync(p).size;
        made.pages += (readFileSync(p, 'latin1').match(/\/Type \/Page\b/g) ?? []).length;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    // validate writes nothing
  }
  return made;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];

/** cold: every run starts with an empty engine cache, as the first build on a machine does. */
function scenario(name, argsFor, { prepare, keepOut = false, cold = false } = {}) {
  const times = [];
  const rss = [];
  let made = { pages: 0, bytes: 0, files: 0 };
  const shared = join(work, `out-${rows.length}`);
  if (prepare) prepare(shared);
  for (let i = 0; i < RUNS; i++) {
    const out = keepOut ? shared : join(work, `out-${rows.length}-${i}`);
    const r = run(argsFor(out), cold ? join(work, `cache-cold-${coldCaches++}`) : warmCache);
    times.push(r.seconds);
    rss.push(r.rss);
    if (!keepOut) {
      made = outputs(out);
      rmSync(out, { recursive: true, force: true });
    }
  }
  rows.push({ scenario: name, median: median(times), min: Math.min(...times), rss: Math.max(...rss), ...made });
}

const floor = [];
for (let i = 0; i < RUNS; i++) {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  floor.push(Number(process.hrtime.bigint() - t) / 1e9);
}
rows.push({ scenario: 'node -e 0 (start-up floor)', median: median(floor), min: Math.min(...floor), rss: 0, pages: 0, files: 0, bytes: 0 });

scenario('validate', () => ['validate']);
scenario('deck, da, fresh process, cold cache', (out) => ['build', '--only', 'cards', '--out', out, '--quiet'], { cold: true });
// Every "fresh" build writes a new output folder; "warm cache" means an earlier build on this machine filled the engine cache.
run(['build', '--lang', 'da,en', '--out', join(work, 'prime'), '--quiet']);
scenario('deck, da, fresh process, warm cache', (out) => ['build', '--only', 'cards', '--out', out, '--quiet']);
scenario('full kit, da, fresh, warm cache', (out) => ['build', '--out', out, '--quiet']);
scenario('full kit, da+en, fresh, cold cache', (out) => ['build', '--lang', 'da,en', '--out', out, '--quiet'], { cold: true });
scenario('full kit, da+en, fresh, warm cache', (out) => ['build', '--lang', 'da,en', '--out', out, '--quiet']);
scenario('full kit, da+en, fresh, warm cache, --jobs 2', (out) => ['build', '--lang', 'da,en', '--out', out, '--quiet', '--jobs', '2']);
scenario('rebuild da+en, nothing changed', (out) => ['build', '--lang', 'da,en', '--out', out, '--quiet'], {
  keepOut: true,
  prepare: (out) => run(['build', '--lang', 'da,en', '--out', out, '--quiet']),
});

// Typst, side by side: the same 48 cards compiled by Typst's Node compiler in a fresh process.
try {
  const { typstDeck } = await import('./typst-source.mjs');
  const { loadKit } = await import(join(root, 'dist/content/load.js'));
  const { localize } = await import(join(root, 'dist/i18n/translator.js'));
  const { cardViews } = await import(join(root, 'dist/documents/cards/views.js'));
  const deck = join(work, 'deck.typ');
  writeFileSync(deck, typstDeck(cardViews(localize(loadKit(content), content, 'da'))));
  // Not a dependency of kernekit (its lock entries cannot be kept portable): installed beside the benchmark.
  const typstHome = join(tmpdir(), 'kernekit-bench-typst');
  const typstModule = join(typstHome, 'node_modules/@myriaddreamin/typst-ts-node-compiler');
  if (!existsSync(typstModule)) {
    const npm = spawnSync('npm', ['install', '--prefix', typstHome, '--no-audit', '--no-fund', '--no-save', '@myriaddreamin/typst-ts-node-compiler@0.7.0'], { encoding: 'utf8' });
    if (npm.status !== 0) throw new Error(`npm could not install Typst's Node compiler: ${npm.stderr.trim().split('\n').pop()}`);
  }
  const times = [];
  const typstOut = join(work, 'typst');
  mkdirSync(typstOut);
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [join(root, 'bench/typst-deck.mjs'), deck, join(typstOut, 'deck.pdf'), typstModule], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  rows.push({ scenario: 'Typst (Node compiler), same 48-card deck, fresh', median: median(times), min: Math.min(...times), rss: 0, ...outputs(typstOut) });
} catch (err) {
  rows.push({ scenario: `Typst: not measured (${String(err.message).split('\n')[0]})`, median: 0, min: 0, rss: 0, pages: 0, files: 0, bytes: 0 });
}

// The watch loop in one warm process: edit one question, rebuild, until the deck is written.
process.env.KERNEKIT_CACHE_DIR = warmCache;
const { build } = await import(join(root, 'dist/driver/build.js'));
const { buildRequest } = await import(join(root, 'dist/commands/build-options.js'));
const out = join(work, 'out-watch');
const request = () => ({ ...buildRequest({ content, out, lang: 'da', only: 'cards', duplex: 'long', bleed: 3, imposition: 'sheet' }), jobs: 1 });
await build(request());
const checklist = join(content, 'checklist.yaml');
const original = readFileSync(checklist, 'utf8');
const edits = [];
for (let i = 0; i < RUNS; i++) {
  writeFileSync(checklist, original.replace('Hvem kan du samarbejde med om dette?', `Hvem kan du samarbejde med om dette (${i})?`));
  const t = process.hrtime.bigint();
  await build(request());
  edits.push(Number(process.hrtime.bigint() - t) / 1e9);
}
rows.push({ scenario: 'watch: question edit → new deck PDF (warm, in process)', median: median(edits), min: Math.min(...edits), rss: process.resourceUsage().maxRSS * 1024, pages: 14, files: 1, bytes: 0 });
// Where the time goes inside one fresh da+en build with a warm cache: kernekit's own --timings.
const steps = spawnSync(process.execPath, [join(root, 'bin/kernekit.js'), 'build', '--lang', 'da,en', '--out', join(work, 'out-timings'), '--quiet', '--timings', '--content', content], {
  cwd: work,
  env: { ...process.env, KERNEKIT_CACHE_DIR: warmCache },
  encoding: 'utf8',
});
rmSync(work, { recursive: true, force: true });

const mb = (b) => (b / 1024 / 1024).toFixed(1);
console.log(`kernekit benchmark: ${RUNS} runs each, node ${process.version}, ${(await import('node:os')).availableParallelism()} cores`);
console.log('| scenario | median s | min s | pages | pages/s | PDFs | output MB | peak RSS MB |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const pps = r.pages ? (r.pages / r.median).toFixed(1) : '';
  console.log(`| ${r.scenario} | ${r.median.toFixed(3)} | ${r.min.toFixed(3)} | ${r.pages || ''} | ${pps} | ${r.files || ''} | ${r.bytes ? mb(r.bytes) : ''} | ${r.rss ? mb(r.rss) : ''} |`);
}
console.log(`\nOne of the "full kit, da+en, fresh, warm cache" builds, step by step (kernekit build --timings):\n${steps.stdout.trim()}`);
