import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED, CODE_DIR } from '../kit-paths.js';
import { hashTree } from '../hash-tree.js';
import { fontFiles } from '../host/font-files.js';
import { packageVersion } from '../package-version.js';

/** The libraries that lay out and draw text: a new version may place it differently. */
const ENGINE_PACKAGES = ['pdfmake', 'pdfkit', 'fontkit'];

let key: string | undefined;

/**
 * Everything that decides how text is shaped, measured and drawn: kernekit's code, the
 * fonts and the versions of pdfmake, pdfkit and fontkit. Hashed once per process.
 */
export function engineKey(): string {
  if (key === undefined) {
    const h = createHash('sha256');
    // The bytes the renderer uses, so the font files are read once per process.
    for (const [style, bytes] of fontFiles()) h.update(style).update(bytes);
    if (BUNDLED) {
      // The renderer, the packages it draws with and all it uses are one file; worker threads run the same code.
      h.update(readFileSync(join(CODE_DIR, 'build.cjs')));
    } else {
      for (const name of ENGINE_PACKAGES) h.update(`${name}@${packageVersion(name)}\n`);
      hashTree(h, CODE_DIR, (f) => /\.(js|ts)$/.test(f));
    }
    key = h.digest('hex');
  }
  return key;
}
