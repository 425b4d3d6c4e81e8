// Preloaded into a kernekit process by startup.test.ts (node --import): on exit, writes
// which installed CommonJS packages were loaded, which of kernekit's bundles (bundle/*.cjs)
// were read, and which files below fonts/ were read, and how often.
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const reads = {};
const bundles = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const name = String(path);
  if (/[/\\]fonts[/\\][^/\\]+\.ttf$/.test(name)) reads[name] = (reads[name] ?? 0) + 1;
  const bundle = /[/\\]bundle[/\\]([^/\\]+)\.cjs$/.exec(name)?.[1];
  if (bundle) bundles.add(bundle);
  return readFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();

process.on('exit', () => {
  const packages = [...new Set(Object.keys(require.cache).map((p) => /node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(p)?.[1]).filter(Boolean))];
  fs.writeFileSync(process.env.KERNEKIT_RECORD_LOADS, JSON.stringify({ packages, bundles: [...bundles], fontReads: reads }));
});
