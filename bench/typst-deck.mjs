// The comparison the performance issue asks for: the same 48-card deck (3×3 poker cards on
// A4, Source Sans 3) compiled by Typst through its Node compiler, in a fresh process.
// Usage: node bench/typst-deck.mjs DECK.typ OUT.pdf COMPILER_MODULE_DIR
// (bench/run.mjs writes DECK.typ with typst-source.mjs and installs the compiler)
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [source, out, compilerDir] = process.argv.slice(2);
const { NodeCompiler } = createRequire(import.meta.url)(compilerDir);
const fonts = join(dirname(new URL(import.meta.url).pathname), '../fonts');
const compiler = NodeCompiler.create({ workspace: dirname(source), fontArgs: [{ fontPaths: [fonts] }] });
writeFileSync(out, compiler.pdf({ mainFilePath: source }));
