// Preloaded into a kernekit process by startup.test.ts (node --import): on exit, writes
// which CommonJS packages were loaded and which files below fonts/ were read, and how often.
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const reads = {};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const name = String(path);
  if (/[/\\]fonts[/\\][^/\\]+\.ttf$/.test(name)) reads[name] = (reads[name] ?? 0) + 1;
  return readFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();

process.on('exit', () => {
  const packages = [...new Set(Object.keys(require.cache).map((p) => /node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(p)?.[1]).filter(Boolean))];
  fs.writeFileSync(process.env.KERNEKIT_RECORD_LOADS, JSON.stringify({ packages, fontReads: reads }));
});
