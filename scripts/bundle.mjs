// Bundles kernekit with esbuild into bundle/, which bin/kernekit.js runs. Part of the build step
// (npm's prepare and prepack), so a clone and an installed package both run the bundle.
//
// Each bundle is one CommonJS file that bundle/load.cjs runs with V8's code cache (see
// src/code-cache.ts). Every command starts in `cli`: the command line and build's up-to-date
// check, so that an unchanged build loads nothing more. Each command's module is loaded only
// when it runs, from the bundle of its kind: `tools` (init, validate, list, i18n) render
// nothing; `render` (a build that has work to do, and watch) holds the renderer. A command
// module reports its own failures and returns an exit code, so no error crosses a bundle
// (each bundle has its own copy of the error classes). Worker threads have their own entries.
//
// Other bundles (a browser build, say) add an entry to BUNDLES below.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bundle');

/** The package that stays installed: the canvas pdf.js draws thumbnails with, a native module. */
const EXTERNAL = ['@napi-rs/canvas'];

/**
 * The sources load heavy packages on first use with createRequire(import.meta.url)('name'), which
 * Node understands and esbuild does not. As plain require('name') esbuild bundles them and still
 * runs them only when first required.
 */
const plainRequires = {
  name: 'plain-requires',
  setup(b) {
    b.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('createRequire(import.meta.url)', 'require'),
      loader: 'ts',
    }));
  },
};

/**
 * pdfkit parses fonts with fontkit.create; it gets src/host/pdfkit-fontkit.ts instead, whose
 * create() parses each font once per process (src/render/parsed-fonts.ts), as the sources
 * arrange through Node's module cache. Everyone else gets `fontkit` (a file, or as resolved).
 */
const pdfkitFontkit = (fontkit) => ({
  name: 'pdfkit-fontkit',
  setup(b) {
    b.onResolve({ filter: /^fontkit$/ }, ({ importer }) =>
      /[/\\]node_modules[/\\]pdfkit[/\\]/.test(importer) ? { path: join(root, 'src/host/pdfkit-fontkit.ts') } : fontkit && { path: fontkit },
    );
  },
});

/**
 * fontkit decodes WOFF2 fonts with brotli (half a megabyte of code, run at load); kernekit's
 * fonts are TrueType files of its own, so the decoder is left out.
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({ contents: "module.exports = () => { throw new Error('kernekit reads TrueType fonts only'); };", loader: 'js' }));
  },
};

/**
 * Resolves `filter` to the real file and hands it to `contents(realPath)` in a namespace of its
 * own, so that the module standing in for a package can still require the package itself.
 */
function standIn(name, filter, contents) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, async ({ path, resolveDir, kind, pluginData }) => {
        if (pluginData?.real) return undefined;
        const real = await b.resolve(path, { resolveDir, kind, pluginData: { real: true } });
        return { path: real.path, namespace: name };
      });
      b.onLoad({ filter: /.*/, namespace: name }, ({ path }) => ({ contents: contents(JSON.stringify(path)), loader: 'js', resolveDir: root }));
    },
  };
}

/**
 * string-width, which yargs lays out its help with (through cliui and wrap-ansi), sets up
 * Unicode regular expressions and an Intl.Segmenter (ICU) as it loads: 30 ms of every
 * command's start, for text measured only to print help. Here it loads when first called.
 * (The function itself, as an ES module importing CommonJS in Node's way takes it.)
 */
const lazyStringWidth = standIn('lazy-string-width', /^string-width$/, (real) => `module.exports = (...args) => require(${real}).default(...args);`);

/**
 * pdfkit's encryption (AES and SHA-256), which kernekit never asks for, builds its tables as it
 * loads. pdfkit requires these modules as CommonJS and reads a function off them when it
 * encrypts, so an object that loads the module on first use stands in for each. (Only for
 * CommonJS importers: an ES module importing one, as the browser's host does SHA-256, would
 * find no functions on it.)
 */
const lazyCiphers = standIn('lazy-ciphers', /^@noble\/(ciphers\/aes|hashes\/sha2)(\.js)?$/, (real) => `module.exports = new Proxy({}, { get: (_, key) => require(${real})[key] });`);

/**
 * linebreak and @noble/hashes are ES modules to an import and CommonJS to a require: pdfmake
 * and pdfkit require them and the browser's host imports them, so every importer is given the
 * CommonJS build, and the planner's bundle holds one copy of their code and tables.
 */
const oneCopy = {
  name: 'one-copy',
  setup(b) {
    b.onResolve({ filter: /^(linebreak|@noble\/hashes\/[\w-]+(\.js)?)$/ }, async ({ path, kind, resolveDir }) =>
      kind === 'require-call' ? undefined : { path: (await b.resolve(path, { kind: 'require-call', resolveDir })).path },
    );
  },
};

/**
 * Unicode tables (line breaking, character properties, the Arabic, Indic and universal
 * shapers' data) are compressed tries that fontkit, unicode-properties and linebreak inflate
 * as they load: most builds look up only the line-breaking one, and words shaped in an
 * earlier run none of the shapers'. Each trie here is inflated on its first lookup.
 */
const lazyTries = standIn(
  'lazy-tries',
  /^unicode-trie$/,
  (real) => `const UnicodeTrie = require(${real});
module.exports = class LazyUnicodeTrie {
  constructor(data) { this.data = data; }
  get(codePoint) { return (this.trie ??= new UnicodeTrie(this.data)).get(codePoint); }
};`,
);

/**
 * Hyphenation patterns (a megabyte for all languages) stay in files of their own, bundle/hyphen/,
 * each read when a language first needs to break a long word.
 */
const hyphenLanguages = new Set();
const patternsApart = {
  name: 'patterns-apart',
  setup(b) {
    b.onResolve({ filter: /^hyphen\/[\w-]+$/ }, ({ path }) => {
      hyphenLanguages.add(path.slice('hyphen/'.length));
      return { path: `./${path}.cjs`, external: true };
    });
  },
};

/**
 * `cli` and `tools` render nothing, so they hold no renderer: were one of them to reach for
 * it, it would fail at once rather than quietly load it.
 */
const noRenderer = {
  name: 'no-renderer',
  setup(b) {
    b.onResolve({ filter: /^(pdfmake|fontkit|hyphen|linebreak)(\/|$)/ }, ({ path }) => ({ path, namespace: 'no-renderer' }));
    b.onLoad({ filter: /.*/, namespace: 'no-renderer' }, ({ path }) => ({
      contents: `throw new Error(${JSON.stringify(`${path} is not in this bundle: only the render bundle renders (scripts/bundle.mjs)`)});`,
      loader: 'js',
    }));
  },
};

/** Which bundle holds each command's module, as cli.ts and commands/build.ts import them on demand. */
const COMMAND_BUNDLES = {
  './commands/init.js': 'tools',
  './commands/validate.js': 'tools',
  './commands/list.js': 'tools',
  './commands/i18n.js': 'tools',
  './commands/watch.js': 'render',
  './build-render.js': 'render',
};

/** The cli bundle reaches each command's module through the loader, so its code is read only when it runs. */
const commandsOnDemand = {
  name: 'commands-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/(commands\/)?[\w-]+\.js$/ }, ({ path, kind }) => (kind === 'dynamic-import' && COMMAND_BUNDLES[path] ? { path: COMMAND_BUNDLES[path], namespace: 'on-demand' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-demand' }, ({ path }) => ({ contents: `module.exports = require('./load.cjs').loadBundle(${JSON.stringify(path)});`, loader: 'js' }));
    b.onResolve({ filter: /^\.\/load\.cjs$/ }, () => ({ path: './load.cjs', external: true }));
  },
};

/**
 * The planner page's script (bundle/planner.js): the guide and the deck from the same sources,
 * with the browser's host (src/host/host-browser.ts: fonts, layouts and patterns as data) in
 * place of host.ts, and small browser versions (src/browser/) of the Node built-ins pdfkit
 * and pdfmake import.
 */
const browserParts = {
  name: 'browser-parts',
  setup(b) {
    b.onResolve({ filter: /\/host\.js$/ }, ({ importer }) => (importer.startsWith(join(root, 'src')) ? { path: join(root, 'src/host/host-browser.ts') } : undefined));
    // png-js asks for browserify-zlib in a browser; it gets the same zlib as pdfkit.
    b.onResolve({ filter: /^(node:)?(stream|zlib|fs)$|^browserify-zlib$/ }, ({ path }) => ({ path: join(root, `src/browser/${path.replace(/^node:|^browserify-/, '')}.ts`) }));
  },
};

/**
 * Code the page never runs, or has already, left out of its script (75 kB of the megabyte and
 * a half a visitor loads): pdfkit's encryption, which kernekit never asks for; the source maps
 * Handlebars can write for compiled templates (without the package it uses its own plain
 * SourceNode, as in a browser); pdfmake's QR codes, which no layout draws; and js-md5, whose
 * two uses by pdfkit (the document's /ID, an attachment's checksum) @noble/hashes answers with
 * the same digests, as it is in the page for SHA-256 anyway.
 */
const IN_PAGE_INSTEAD = {
  'source-map': 'module.exports = {};',
  '@noble/ciphers/aes': "const refuse = () => { throw new Error('the planner page does not encrypt PDFs'); }; module.exports = { cbc: refuse, ecb: refuse };",
  './qrEnc.js': "module.exports = { measure() { throw new Error('the planner page draws no QR codes'); } };",
  'js-md5': [
    "const { md5 } = require('@noble/hashes/legacy'); const { bytesToHex, utf8ToBytes } = require('@noble/hashes/utils');",
    "const digest = (data) => md5(typeof data === 'string' ? utf8ToBytes(data) : new Uint8Array(data));",
    'module.exports = (data) => bytesToHex(digest(data)); module.exports.arrayBuffer = (data) => digest(data).buffer;',
  ].join('\n'),
};
const neverInPage = {
  name: 'never-in-page',
  setup(b) {
    b.onResolve({ filter: /^(@noble\/ciphers\/aes|source-map|\.\/qrEnc|js-md5)(\.js)?$/ }, ({ path, resolveDir }) =>
      path.startsWith('./') && !resolveDir.endsWith(join('pdfmake', 'js')) ? undefined : { path: path.replace(/^(.+?)(\.js)?$/, (_, p) => (p === './qrEnc' ? './qrEnc.js' : p)), namespace: 'never-in-page', pluginData: { resolveDir } },
    );
    b.onLoad({ filter: /.*/, namespace: 'never-in-page' }, ({ path, pluginData }) => ({ contents: IN_PAGE_INSTEAD[path], loader: 'js', resolveDir: pluginData.resolveDir }));
  },
};

/**
 * pdfmake's SVG drawing and xmldoc (with sax), which measures an SVG, are 90 kB that only a
 * guide with a config's SVG logo runs: the planner's script has src/browser/svg-apart.ts in their
 * place, and the real ones are bundle/planner-svg.js (src/browser/svg.ts), which only the pages
 * of a build with an SVG logo load.
 */
const svgApart = {
  name: 'svg-apart',
  setup(b) {
    b.onResolve({ filter: /^(xmldoc|\.\/3rd-party\/svg-to-pdfkit)$/ }, ({ path, importer }) =>
      path === 'xmldoc' || /[/\\]pdfmake[/\\]/.test(importer) ? { path: join(root, 'src/browser/svg-apart.ts') } : undefined,
    );
  },
};

const PLANNER = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  globalName: 'kernekitPlanner',
  minify: true,
  // One file to copy into the published folder, licences included.
  legalComments: 'eof',
  logLevel: 'warning',
  entryPoints: [join(root, 'src/browser/page.ts')],
  outfile: join(out, 'planner.js'),
  inject: [join(root, 'src/browser/globals.ts')],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __dirname: '"/pdfmake"' },
  plugins: [browserParts, pdfkitFontkit(), noWoff2, oneCopy, lazyTries, neverInPage, svgApart],
};

/** The planner's SVG drawing, for the pages that draw an SVG logo (svgApart). */
const PLANNER_SVG = { ...PLANNER, globalName: undefined, inject: [], entryPoints: [join(root, 'src/browser/svg.ts')], outfile: join(out, 'planner-svg.js'), plugins: [browserParts] };

const CLI_EXPORTS = "export { main } from './cli.js'; export { reportError } from './report-error.js'; export { terminalIo } from './terminal.js';";
/** What the cli bundle loads from the others: each command's module, by the names they export. */
const TOOLS_EXPORTS = "export * from './commands/init.js'; export * from './commands/validate.js'; export * from './commands/list.js'; export * from './commands/i18n.js';";
const RENDER_EXPORTS = "export * from './commands/build-render.js'; export * from './commands/watch.js';";
const entry = (contents) => ({ contents, resolveDir: join(root, 'src'), loader: 'ts' });

const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  minify: true,
  // No keepNames: it renames every function as it is made, hot paths' closures included (5 %
  // of a deck); error classes name themselves (this.name), which is what errors.ts reads.
  keepNames: false,
  legalComments: 'linked',
  logLevel: 'warning',
  external: EXTERNAL,
  plugins: [plainRequires, pdfkitFontkit(join(root, 'node_modules/fontkit/dist/main.cjs')), noWoff2, patternsApart, lazyStringWidth, lazyCiphers, lazyTries],
};

const CJS = {
  ...COMMON,
  format: 'cjs',
  // import.meta.url as an ES module would see it: the paths of kit-paths.ts hold, as bundle/ is one level below the package.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: 'var __importMetaUrl=require("url").pathToFileURL(__filename).href;' },
};

export const BUNDLES = [
  { ...CJS, outfile: join(out, 'load.cjs'), entryPoints: [join(root, 'src/code-cache.ts')] },
  { ...CJS, outfile: join(out, 'cli.cjs'), stdin: entry(CLI_EXPORTS), plugins: [plainRequires, noRenderer, commandsOnDemand, lazyStringWidth] },
  { ...CJS, outfile: join(out, 'tools.cjs'), stdin: entry(TOOLS_EXPORTS), plugins: [plainRequires, noRenderer, lazyStringWidth] },
  { ...CJS, outfile: join(out, 'render.cjs'), stdin: entry(RENDER_EXPORTS) },
  { ...CJS, outfile: join(out, 'worker.cjs'), entryPoints: [join(root, 'src/driver/worker.ts')] },
  {
    ...COMMON,
    format: 'esm',
    outfile: join(out, 'preview-worker.js'),
    entryPoints: [join(root, 'src/driver/preview-worker.ts')],
    banner: { js: 'import{createRequire as __createRequire}from"node:module";const require=__createRequire(import.meta.url);' },
  },
  PLANNER,
  PLANNER_SVG,
];

/** Worker threads start from a file: this one runs the worker's bundle through the code cache. */
const WORKER_START = "import { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./load.cjs').loadBundle('worker', 'now');\n";

if (import.meta.url === `file://${process.argv[1]}`) {
  // All but the seed, which is made again below only if what it was made from changed.
  for (const name of existsSync(out) ? readdirSync(out) : []) if (name !== 'seed') rmSync(join(out, name), { recursive: true, force: true });
  await Promise.all(BUNDLES.map((options) => build(options)));
  writeFileSync(join(out, 'worker.js'), WORKER_START);
  // The planner page's and the web pages' fonts, which every build copies: written once here, from
  // what tsc has just compiled (prepare, prepack and the tests' setup run tsc first).
  const { shippedFonts } = await import('./fonts.mjs');
  mkdirSync(join(out, 'fonts'));
  for (const [name, bytes] of await shippedFonts()) writeFileSync(join(out, name), bytes);
  await build({ ...CJS, entryPoints: [...hyphenLanguages].map((lang) => ({ in: `hyphen/${lang}`, out: lang })), outdir: join(out, 'hyphen'), outExtension: { '.js': '.cjs' }, plugins: [] });
  // bundle/load.cjs reads bundles as Latin-1, a third faster than UTF-8, so they must be ASCII
  // (esbuild escapes strings, not regular expressions: write a letter like Æ as \u00C6 there).
  for (const name of readdirSync(out).filter((f) => f.endsWith('.cjs'))) {
    const text = readFileSync(join(out, name), 'latin1');
    const at = text.search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`bundle/${name} is not ASCII: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
  }
  const { makeSeed } = await import('./seed.mjs');
  await makeSeed(out);
}
