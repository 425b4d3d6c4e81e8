#!/usr/bin/env node
// A CommonJS file (bin/package.json says so): Node starts one sooner than an ES module.
// kernekit runs from its bundles (scripts/bundle.mjs), compiled with V8's code cache (src/code-cache.ts):
// every command starts in the small cli bundle, which loads a command's code only when it runs.
const { main, reportError, terminalIo } = require('../bundle/load.cjs').loadBundle('cli');

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
