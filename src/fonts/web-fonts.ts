import { latinUnicodeRange } from './latin.js';

/**
 * The faces the web pages draw with (body text, 600 and 700 for labels and headings, italic for
 * quotations), each a WOFF2 file in the published folder's fonts/, made from the kit's own font
 * file when the package is built (scripts/fonts.mjs).
 */
export const WEB_FONTS = [
  { file: 'SourceSans3-Regular.woff2', source: 'SourceSans3-Regular.ttf', weight: 400, style: 'normal' },
  { file: 'SourceSans3-Semibold.woff2', source: 'SourceSans3-Semibold.ttf', weight: 600, style: 'normal' },
  { file: 'SourceSans3-Bold.woff2', source: 'SourceSans3-Bold.ttf', weight: 700, style: 'normal' },
  { file: 'SourceSans3-It.woff2', source: 'SourceSans3-It.ttf', weight: 400, style: 'italic' },
  { file: 'SourceSans3-BoldIt.woff2', source: 'SourceSans3-BoldIt.ttf', weight: 700, style: 'italic' },
] as const;

/** The published folder's font folder, beside index.html. */
export const WEB_FONT_FOLDER = 'fonts';

/** The faces' paths in the published folder. */
export const WEB_FONT_PATHS = WEB_FONTS.map((f) => `${WEB_FONT_FOLDER}/${f.file}`);

/**
 * What layouts/html/_fonts.hbs writes as @font-face rules, for a page whose way to the folder's
 * root is `root` ('' or '../'): each face from the folder, shown at once in a fallback font
 * and swapped in when loaded, for the characters it has.
 */
export function webFontsView(root: '' | '../') {
  return { faces: WEB_FONTS.map((f) => ({ url: `${root}${WEB_FONT_FOLDER}/${f.file}`, weight: f.weight, style: f.style })), range: latinUnicodeRange() };
}
