#!/usr/bin/env node
// A CommonJS file (bin/package.json says so): Node starts one sooner than an ES module.
// kernekit runs from its bundle (scripts/bundle.mjs), compiled with V8's code cache (src/code-cache.ts):
// build and watch from the bundle with the renderer, every other command from the one without.
const bundle = ['build', 'watch'].includes(process.argv[2]) ? 'build' : 'cli';
const { main, reportError, terminalIo } = require('../bundle/load.cjs').loadBundle(bundle);

// A reader that stops early (`kernekit i18n status | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// A failure outside a command's own path (an event of a thread or a watcher) is reported the same way.
const fatal = (err) => end(reportError(err, terminalIo()));
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

/**
 * Every path out of a command ends the process, once what it printed has been written:
 * a thread, watcher or timer that something left open must not keep kernekit alive.
 */
function end(code) {
  process.exitCode = code;
  let open = 2;
  const done = () => --open === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(end);
