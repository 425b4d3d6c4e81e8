// npm run bench: times whole kernekit processes, as a user waits for them, each paired with
// the yardstick the performance targets name: Typst compiling the same 48-card deck in a
// fresh process (or, for the unchanged rebuild, `node -e 0`). Yardstick and scenario run in
// turn, and each ratio is taken pair by pair, so that a machine whose speed drifts (a shared
// one) moves both. Then the installed size of the package, the watch loop, and one build's
// --timings; and the planner page in Chromium (bench/planner.mjs). A benchmark, not a test: it
// prints numbers and the targets beside them. BENCH_ONLY=builds,planner,installed,watch picks parts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PARTS = ['builds', 'planner', 'installed', 'watch'];
const only = new Set(process.env.BENCH_ONLY?.split(',') ?? PARTS);
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'kernekit-bench-'));
const content = join(work, 'content');
cpSync(join(root, 'content'), content, { recursive: true });

// The caches (engine, V8 code, thumbnails, compiled layouts) live in the benchmark's folder, never the user's.
const warmCache = join(work, 'cache-warm');
let coldCaches = 0;
const emptyCache = () => join(work, `cache-cold-${coldCaches++}`);

function seconds(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const child = spawnSync(command, args, { encoding: 'utf8', ...options });
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${child.stderr}`);
  return s;
}

/**
 * One kernekit process as a user starts it. With `rss`, preloaded with a module that reports
 * its peak memory: an ES module preloaded with --import starts Node's module loader, which a
 * user's process does not, so those runs are kept apart from the timed ones.
 */
function kernekit(args, cache = warmCache, { rss = false } = {}) {
  const rssFile = join(work, 'rss');
  const preload = rss ? ['--import', join(root, 'bench/peak-rss.mjs')] : [];
  const s = seconds(process.execPath, [...preload, join(root, 'bin/kernekit.js'), ...args, '--content', content], {
    cwd: work,
    env: { ...process.env, KERNEKIT_BENCH_RSS: rssFile, KERNEKIT_CACHE_DIR: cache },
  });
  return { seconds: s, rss: rss ? Number(readFileSync(rssFile, 'utf8')) : undefined };
}

function outputs(dir) {
  const made = { pages: 0, files: 0 };
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.pdf')) {
        made.files++;
        made.pages += (readFileSync(p, 'latin1').match(/\/Type \/Page\b/g) ?? []).length;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return made;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Typst, the yardstick: the same 48 cards compiled by Typst's Node compiler in a fresh process.
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
const typstOut = join(work, 'typst');
mkdirSync(typstOut);
const YARDSTICKS = {
  typst: { name: "Typst's deck", run: () => seconds(process.execPath, [join(root, 'bench/typst-deck.mjs'), deck, join(typstOut, 'deck.pdf'), typstModule]) },
  node: { name: 'node -e 0', run: () => seconds(process.execPath, ['-e', '0']) },
};

const rows = [];

/**
 * One scenario, RUNS times, each run after a run of its yardstick. `cold`: every run starts
 * with an empty cache folder, as the first build on a machine or after an upgrade does.
 * `target`: the most the issue allows, as a multiple of the yardstick.
 */
function scenario(name, argsFor, { yardstick = 'typst', cold = false, target, keepOut = false } = {}) {
  const times = [];
  const ratios = [];
  const sticks = [];
  let made = { pages: 0, files: 0 };
  const shared = join(work, `out-${rows.length}`);
  // An up-to-date output folder, for the rebuilds that find nothing changed.
  if (keepOut) kernekit(argsFor(shared));
  for (let i = 0; i < RUNS; i++) {
    const out = keepOut ? shared : join(work, `out-${rows.length}-${i}`);
    const stick = YARDSTICKS[yardstick].run();
    const r = kernekit(argsFor(out), cold ? emptyCache() : warmCache);
    times.push(r.seconds);
    sticks.push(stick);
    ratios.push(r.seconds / stick);
    if (!keepOut) {
      made = outputs(out);
      rmSync(out, { recursive: true, force: true });
    }
  }
  // Peak memory from one more run, untimed, in the same state as the timed ones.
  const rssOut = keepOut ? shared : join(work, `out-${rows.length}-rss`);
  const { rss } = kernekit(argsFor(rssOut), cold ? emptyCache() : warmCache, { rss: true });
  if (!keepOut) rmSync(rssOut, { recursive: true, force: true });
  const row = { name, yardstick, median: median(times), stick: median(sticks), ratio: median(ratios), target, rss, ...made };
  rows.push(row);
  return row;
}

/** A first build on a new machine against the same build with warm caches, each as its paired ratio to the yardstick. */
const coldAgainstWarm = [];

const BUILD = ['build', '--quiet'];
const KIT = [...BUILD, '--lang', 'da,en'];
// "warm": an earlier build on this machine filled the caches; every fresh build writes a new output folder.
kernekit([...KIT, '--out', join(work, 'prime')]);
if (only.has('builds')) {
  const deckCold = scenario('deck, da, fresh process, cold caches', (out) => [...BUILD, '--only', 'cards', '--out', out], { cold: true });
  const deckWarm = scenario('deck, da, fresh process, warm caches', (out) => [...BUILD, '--only', 'cards', '--out', out], { target: 4 });
  const kitCold = scenario('full kit da+en with previews, fresh, cold caches', (out) => [...KIT, '--out', out], { cold: true });
  const kitWarm = scenario('full kit da+en with previews, fresh, warm caches', (out) => [...KIT, '--out', out], { target: 12 });
  coldAgainstWarm.push(['deck, da', deckCold, deckWarm], ['full kit da+en', kitCold, kitWarm]);
  scenario('rebuild da+en, nothing changed, cold caches', (out) => [...KIT, '--out', out], { yardstick: 'node', cold: true, keepOut: true });
  scenario('rebuild da+en, nothing changed, warm caches', (out) => [...KIT, '--out', out], { yardstick: 'node', target: 2, keepOut: true });
  scenario('validate', () => ['validate'], { yardstick: 'node' });
}

/** The package as a user installs it: packed, then installed with its dependencies (not the development ones) into an empty project. */
function installedSize() {
  const project = join(work, 'installed');
  mkdirSync(project);
  const npm = (args, cwd) => {
    const r = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm ${args[0]} failed: ${r.stderr.trim().split('\n').pop()}`);
    return r.stdout;
  };
  // npm run bench has just made dist/ and bundle/ (prepare): packing need not make them again.
  const [{ filename }] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], root));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', private: true }));
  npm(['install', '--omit=dev', '--prefer-offline', join(project, filename)], project);
  const size = (dir) => readdirSync(dir, { recursive: true }).reduce((n, f) => n + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0), 0);
  const modules = join(project, 'node_modules');
  return { total: size(modules), kernekit: size(join(modules, 'kernekit')), packages: readdirSync(modules).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(modules, n)) : [n])).length };
}
let installed;
if (only.has('installed')) {
  try {
    installed = installedSize();
  } catch (err) {
    installed = { error: String(err.message).split('\n')[0] };
  }
}

// The planner page, from the da+en folder the warm caches were filled with.
const { pageBytes, plannerPage, plannerTimes } = await import('./planner.mjs');
const planner = only.has('planner') ? await plannerTimes(join(work, 'prime'), RUNS) : undefined;
const plannerSizes = planner ? ['da', 'en'].map((language) => [language, pageBytes(plannerPage(join(work, 'prime'), language))]) : [];

const edits = [];
if (only.has('watch')) {
  // The watch loop in one warm process: edit one question, rebuild, until the deck is written.
  process.env.KERNEKIT_CACHE_DIR = warmCache;
  const { build } = await import(join(root, 'dist/driver/build.js'));
  const { buildRequest } = await import(join(root, 'dist/commands/build-options.js'));
  const out = join(work, 'out-watch');
  const request = () => ({ ...buildRequest({ content, out, lang: 'da', only: 'cards', duplex: 'long', bleed: 3, imposition: 'sheet' }), jobs: 1 });
  await build(request());
  const checklist = join(content, 'checklist.yaml');
  const original = readFileSync(checklist, 'utf8');
  for (let i = 0; i < RUNS; i++) {
    writeFileSync(checklist, original.replace('Hvem kan du samarbejde med om dette?', `Hvem kan du samarbejde med om dette (${i})?`));
    const t = process.hrtime.bigint();
    await build(request());
    edits.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  writeFileSync(checklist, original);
}
// Where the time goes inside one fresh da+en build with warm caches: kernekit's own --timings.
const steps = spawnSync(process.execPath, [join(root, 'bin/kernekit.js'), ...KIT, '--out', join(work, 'out-timings'), '--timings', '--content', content], {
  cwd: work,
  env: { ...process.env, KERNEKIT_CACHE_DIR: warmCache },
  encoding: 'utf8',
});
rmSync(work, { recursive: true, force: true });

const mb = (b) => (b / 1024 / 1024).toFixed(1);
console.log(`kernekit benchmark: ${RUNS} paired runs each, node ${process.version}, ${availableParallelism()} cores`);
console.log('| scenario | median s | yardstick | its median s | ratio (paired median) | target | pages | PDFs | peak RSS MB |');
console.log('| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |');
for (const r of rows) {
  const target = r.target ? `≤ ${r.target}× (${r.ratio <= r.target ? 'met' : 'not met'})` : '';
  console.log(`| ${r.name} | ${r.median.toFixed(3)} | ${YARDSTICKS[r.yardstick].name} | ${r.stick.toFixed(3)} | ${r.ratio.toFixed(2)}× | ${target} | ${r.pages || ''} | ${r.files || ''} | ${mb(r.rss)} |`);
}
if (edits.length) console.log(`| watch: question edit → new deck PDF (warm, in process) | ${median(edits).toFixed(3)} |  |  |  |  | 14 | 1 |  |`);
for (const [what, cold, warm] of coldAgainstWarm) {
  const ratio = cold.ratio / warm.ratio;
  console.log(`| ${what}: cold caches against warm (their ratios to Typst's deck) |  |  |  | ${ratio.toFixed(2)}× | ≤ 2× (${ratio <= 2 ? 'met' : 'not met'}) |  |  |  |`);
}
if (planner) {
  const met = (s, target) => `≤ ${target} s (${s <= target ? 'met' : 'not met'})`;
  const firstS = median(planner.first) / 1000;
  const laterS = median(planner.later) / 1000;
  console.log(`| planner page, Chromium: press → first guide downloaded | ${firstS.toFixed(3)} |  |  |  | ${met(firstS, 1.0)} | | 1 | |`);
  console.log(`| planner page, Chromium: press → a later guide downloaded | ${laterS.toFixed(3)} |  |  |  | ${met(laterS, 0.3)} | | 1 | |`);
  // The target's MB is a million bytes.
  for (const [language, bytes] of plannerSizes) console.log(`\nPlanner page with its scripts, ${language}: ${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes; target ≤ 1.5 MB, 1,500,000 bytes: ${bytes <= 1_500_000 ? 'met' : 'not met'})`);
} else if (only.has('planner')) console.log('\nPlanner page: not measured (no Chromium at /usr/bin/chromium)');
if (installed?.error) console.log(`\nInstalled size: not measured (${installed.error})`);
else if (installed) console.log(`\nInstalled size (npm install of the packed package, without development dependencies): ${mb(installed.total)} MB in node_modules, ${installed.packages} packages; kernekit itself ${mb(installed.kernekit)} MB`);
console.log(`\nOne of the "full kit da+en, warm caches" builds, step by step (kernekit build --timings):\n${steps.stdout.trim()}`);
