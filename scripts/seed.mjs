// The package's seed of the cache folder, bundle/seed/ (see src/cache-seed.ts): a first build
// of the kit that ships with kernekit, in both its languages, run with the bundle just made and
// an empty cache folder, whose engine cache, compressed streams and font subsets, compiled
// layouts and parsed content files are kept.
// Made again only when what it was made from changed (the bundles, fonts, content, layouts),
// so the tests' setup, which bundles on every run, pays for it once per change.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const MADE_FROM = 'made-from';

/** Every file the seed's build reads (the bundle but not the seed, the fonts, the default kit's content and layouts), and this script. */
async function inputs(bundleDir) {
  const { hashTree } = await import(join(root, 'dist/hash-tree.js'));
  const h = createHash('sha256');
  hashTree(h, bundleDir, (file) => !file.startsWith('seed'));
  for (const dir of ['fonts', 'content', 'layouts']) hashTree(h, join(root, dir));
  h.update(readFileSync(new URL(import.meta.url)));
  h.update(readFileSync(join(root, 'package.json')));
  return h.digest('hex');
}

export async function makeSeed(bundleDir) {
  const { SEED_FOLDER, ENGINE_STAMP_FILE, engineStamp } = await import(join(root, 'dist/cache-seed.js'));
  const { SEEDED_ENGINE_CACHE } = await import(join(root, 'dist/host/engine-cache-file.js'));
  const { BUNDLED_FONT_FILES } = await import(join(root, 'dist/render/fonts.js'));
  const seed = join(bundleDir, SEED_FOLDER);
  const madeFrom = await inputs(bundleDir);
  if (existsSync(join(seed, MADE_FROM)) && readFileSync(join(seed, MADE_FROM), 'utf8') === madeFrom) return;
  // The build below must work everything out, not read an older seed.
  rmSync(seed, { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), 'kernekit-seed-'));
  try {
    const cache = join(work, 'cache');
    // An empty working folder: no content/, layouts/ or config of a developer's is taken for the kit's.
    const run = spawnSync(process.execPath, [join(root, 'bin/kernekit.js'), 'build', '--lang', 'da,en', '--quiet', '--out', join(work, 'out')], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, KERNEKIT_CACHE_DIR: cache },
    });
    if (run.status !== 0) throw new Error(`the seed's build failed:\n${run.stderr}`);
    const engine = readdirSync(cache).find((name) => /^engine-[0-9a-f]{16}\.json$/.test(name));
    if (!engine) throw new Error(`the seed's build left no engine cache in ${cache}`);
    mkdirSync(seed);
    cpSync(join(cache, engine), join(seed, SEEDED_ENGINE_CACHE));
    for (const folder of ['templates', 'yaml']) cpSync(join(cache, folder), join(seed, folder), { recursive: true });
    // The engine's kept bytes (engine-kept.ts), each folder named for the engine in the cache and by its kind here.
    for (const folder of ['streams', 'subsets']) cpSync(join(cache, `${folder}-${engine.slice('engine-'.length, -'.json'.length)}`), join(seed, folder), { recursive: true });
    const fonts = BUNDLED_FONT_FILES.map((file) => readFileSync(join(root, 'fonts', file)));
    writeFileSync(join(seed, ENGINE_STAMP_FILE), engineStamp(bundleDir, fonts));
    writeFileSync(join(seed, MADE_FROM), madeFrom);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
