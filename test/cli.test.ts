import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli-help.js';
import { terminalIo, useColour } from '../src/terminal.js';
import { tempDir } from './helpers/files.js';

const BIN = join(import.meta.dirname, '../bin/kernekit.js');
const ESC = '\x1b[';

/** The real binary in a pipe, under a time limit. Colour variables of the test's own terminal are removed. */
function kernekit(args: string[], env: Record<string, string> = {}, cwd = tempDir('cli')) {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', env: { ...rest, ...env } });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs the binary on a pseudo-terminal, as a user at a terminal would; `script` (util-linux) provides it. */
const hasScript = existsSync('/usr/bin/script');
function onTerminal(args: string[], env: Record<string, string> = {}) {
  // Node's hasColors() answers no on a terminal when CI or NODE_DISABLE_COLORS is set, as CI
  // machines do; the user at a terminal this test stands for has neither.
  const { NO_COLOR: _n, FORCE_COLOR: _f, CI: _c, NODE_DISABLE_COLORS: _d, ...rest } = process.env;
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: tempDir('tty'), encoding: 'utf8', timeout: 180_000, killSignal: 'SIGKILL', env: { ...rest, TERM: 'xterm-256color', COLUMNS: '120', ...env } });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout };
}

describe('the command line helps a lost user', () => {
  it('without arguments prints the help, with examples and exit codes, and exits 0', () => {
    const r = kernekit([]);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.out).toContain(`kernekit ${command}`);
    expect(r.out).toContain('Examples:');
    expect(r.out).toMatch(/Exit codes:\n {2}0 {2}done\n {2}1 {2}.*\n {2}2 {2}.*\n {2}70 a bug/);
  });

  it.each([
    [['bild'], '"bild" is not a kernekit command. Did you mean "kernekit build"?'],
    [['valdate'], '"valdate" is not a kernekit command. Did you mean "kernekit validate"?'],
    [['i18n', 'stauts'], '"i18n stauts" is not a kernekit command. Did you mean "kernekit i18n status"?'],
    [['frobnicate'], 'The commands are: init, validate, build, watch, list, i18n.'],
  ])('kernekit %j suggests the nearest command and exits 2', (args, message) => {
    const r = kernekit(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  // i18n status gets its --json from the translation tools' own work.
  const WITH_JSON = ['init', 'validate', 'build', 'watch', 'list', 'i18n extract'];
  it.each(['init', 'validate', 'build', 'watch', 'list', 'i18n', 'i18n status', 'i18n extract'])('kernekit %s --help has examples and exit codes', (line) => {
    const r = kernekit([...line.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`Examples:\\n {2}kernekit ${line}`));
    expect(r.out).toContain('Exit codes:\n  0  ');
    expect(r.out).toContain('70 a bug in kernekit');
    if (WITH_JSON.includes(line)) expect(r.out).toMatch(/--json\s/);
  });
});

describe('colour', () => {
  const tty = { isTTY: true, hasColors: () => true, write: () => true };
  const pipe = { isTTY: false, write: () => true };

  it('is on for a colour terminal only, off with NO_COLOR, and FORCE_COLOR decides when set', () => {
    expect(useColour(tty, {})).toBe(true);
    expect(useColour(pipe, {})).toBe(false);
    expect(useColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(tty, { NO_COLOR: '' })).toBe(true);
    expect(useColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColour(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour({ ...tty, hasColors: () => false }, {})).toBe(false);
  });

  it('never reaches a pipe: errors and output are plain text', () => {
    const r = kernekit(['bild']);
    expect(r.err).not.toContain(ESC);
    expect(kernekit(['list']).out).not.toContain(ESC);
  });

  it.skipIf(!hasScript)('on a terminal colours the error label, and NO_COLOR turns it off', () => {
    const coloured = onTerminal(['bild']);
    expect(coloured.code).toBe(2);
    expect(coloured.out).toContain(`${ESC}31m${ESC}1mkernekit:`);
    const plain = onTerminal(['bild'], { NO_COLOR: '1' });
    expect(plain.out).toContain('kernekit: "bild" is not a kernekit command.');
    expect(plain.out).not.toContain(ESC);
  });
});

describe('progress', () => {
  it('a status line is written only on a terminal, and each new line replaces it', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, columns: 40, hasColors: () => false, write: (t: string) => written.push(t) });
    const piped = terminalIo(stream(false), stream(false));
    expect(piped.status).toBeUndefined();
    const io = terminalIo(stream(true), stream(true));
    io.status!('Building: 3 of 9 PDFs done (last: da/plakat-360.pdf), 6 left… 2.0 s');
    io.out('da  out/da/facilitatorguide.pdf');
    expect(written).toEqual(['Building: 3 of 9 PDFs done (last: da/p…', '\r\x1b[K', 'da  out/da/facilitatorguide.pdf\n']);
  });

  it.skipIf(!hasScript)('a build over a second shows the progress line on a terminal, and plain lines in a pipe', () => {
    // The whole kit in two languages: with warm caches, a deck and a handout are built in under a second.
    const args = ['build', '--lang', 'da,en', '--force', '--out', 'out'];
    const terminal = onTerminal(args);
    expect(terminal.code).toBe(0);
    expect(terminal.out).toMatch(/Building: \d+ of 18 PDFs done.*(left|previews).*\d+\.\d s/);
    expect(terminal.out).toContain('\r\x1b[K');
    const piped = kernekit(args);
    expect(piped.code).toBe(0);
    expect(piped.out).not.toMatch(/Building:|\r|\x1b/);
    expect(piped.out).toMatch(/^da {2}out\/da\/spoergsmaalskort\.pdf {2}14 pages/m);
  });
});
