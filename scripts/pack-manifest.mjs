// The package.json that goes into the tarball, without `scripts`: in a clone, `prepare` makes
// the bundle on `npm ci`, but an installed kernekit is already bundled, and a `prepare` in it
// only makes npm warn about an install-time script it would never need (nor could run without
// the development dependencies).
//
// `prepack` runs `strip` after compiling; npm reads package.json again when it packs, so the
// tarball has no scripts, and it no longer sees the `prepare` it would otherwise run after
// `prepack` (which compiled a second time). `postpack` runs `restore`. A pack that failed in
// between left the saved file, which the next `strip` puts back first.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = join(root, 'package.json');
const saved = join(root, '.package.json.before-pack');

const restore = () => existsSync(saved) && renameSync(saved, manifest);

const step = process.argv[2];
if (step === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const { scripts: _, ...packed } = JSON.parse(text);
  writeFileSync(saved, text);
  writeFileSync(manifest, JSON.stringify(packed, null, 2) + '\n');
} else if (step === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
