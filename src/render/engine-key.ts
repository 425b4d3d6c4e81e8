import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED, CODE_DIR, FONT_DIR, PACKAGE_ROOT } from '../kit-paths.js';
import { hashTree } from '../hash-tree.js';
import { fontFile } from '../host/font-files.js';
import { packageVersion } from '../package-version.js';
import { version } from '../version.js';
import { BUNDLED_FONT_FILES } from './fonts.js';

/** The libraries that lay out and draw text: a new version may place it differently. */
const ENGINE_PACKAGES = ['pdfmake', 'pdfkit', 'fontkit'];

/** The bundle that holds the renderer (worker threads run the same code from a bundle of their own). */
export const ENGINE_BUNDLE = 'render.cjs';

let key: string | undefined;

/**
 * Everything that decides how text is shaped, measured and drawn: kernekit's code, the
 * fonts and the versions of pdfmake, pdfkit and fontkit. Worked out once per process.
 */
export function engineKey(): string {
  if (key === undefined) {
    const h = createHash('sha256');
    if (BUNDLED) {
      // The renderer with the packages it draws with is in kernekit's own bundles, and the
      // fonts are the package's own: named by kernekit's version and each file's size and
      // time, an unchanged build reads none of them.
      h.update(`kernekit@${version}\n`);
      for (const file of [join(CODE_DIR, ENGINE_BUNDLE), ...BUNDLED_FONT_FILES.map((f) => FONT_DIR + f)]) {
        const { size, mtimeMs } = statSync(file);
        h.update(`${file.slice(PACKAGE_ROOT.length)}\0${size}\0${mtimeMs}\n`);
      }
    } else {
      // The bytes the renderer uses, so the font files are read once per process.
      for (const file of BUNDLED_FONT_FILES) h.update(file).update(fontFile({ bundled: file }));
      for (const name of ENGINE_PACKAGES) h.update(`${name}@${packageVersion(name)}\n`);
      hashTree(h, CODE_DIR, (f) => /\.(js|ts)$/.test(f));
    }
    key = h.digest('hex');
  }
  return key;
}
