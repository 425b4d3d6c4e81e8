import type { ChosenFont, FontChoice } from '../render/fonts.js';
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

/** The names the pages' CSS gives the config's fonts: its typeface, and each of `fonts:` in turn. */
const TYPEFACE_FAMILY = 'kernekit typeface';
const fontFamily = (i: number) => `kernekit font ${i + 1}`;

/**
 * A font file of the config as the web pages load it: the file itself (browsers read TrueType
 * and OpenType), named in the folder's fonts/ by its digest, so two files of one name do not meet.
 */
export function configFontPath(font: ChosenFont): string {
  const extension = /\.otf$/i.test(font.file) ? 'otf' : 'ttf';
  return `${WEB_FONT_FOLDER}/${font.sha256.slice(0, 16)}.${extension}`;
}

/** The config's font files the published folder holds, each once, by its path there. */
export function configWebFonts(choice: FontChoice | undefined): Map<string, ChosenFont> {
  const files = [...Object.values(choice?.typeface ?? {}), ...(choice?.fonts ?? [])];
  return new Map(files.map((font) => [configFontPath(font), font]));
}

interface WebFace {
  family: string;
  url: string;
  format: 'woff2' | 'truetype' | 'opentype';
  weight: string | number;
  style: string;
  /** The characters it is for; null: all it has. */
  range: string | null;
}

function configFace(root: string, family: string, font: ChosenFont, weight: string | number, style: string): WebFace {
  const path = configFontPath(font);
  return { family, url: `${root}${path}`, format: path.endsWith('.otf') ? 'opentype' : 'truetype', weight, style, range: null };
}

/**
 * What layouts/html/_fonts.hbs writes as @font-face rules, and the family list the pages' CSS
 * names, for a page whose way to the folder's root is `root` ('' or '../'). The typeface is the
 * kit's own (its Latin characters; the rest in the browser's fonts) or the config's `typeface:`
 * (each style it leaves out falls back as in the PDFs; 600 is drawn with bold); then each font of
 * `fonts:`, which the browser asks for a character the faces before it lack. Each face is shown
 * at once in a fallback font and swapped in when loaded.
 */
export function webFontsView(root: '' | '../', choice: FontChoice | undefined) {
  const t = choice?.typeface;
  const typeface: WebFace[] = t
    ? [
        configFace(root, TYPEFACE_FAMILY, t.normal, 400, 'normal'),
        configFace(root, TYPEFACE_FAMILY, t.bold ?? t.normal, 700, 'normal'),
        configFace(root, TYPEFACE_FAMILY, t.italics ?? t.normal, 400, 'italic'),
        configFace(root, TYPEFACE_FAMILY, t.bolditalics ?? (t.bold ? t.bold : (t.italics ?? t.normal)), 700, 'italic'),
      ]
    : WEB_FONTS.map((f) => ({ family: 'Source Sans 3', url: `${root}${WEB_FONT_FOLDER}/${f.file}`, format: 'woff2', weight: f.weight, style: f.style, range: latinUnicodeRange() }));
  const extra = (choice?.fonts ?? []).map((font, i) => configFace(root, fontFamily(i), font, '100 900', 'normal'));
  const families = [...(t ? [TYPEFACE_FAMILY] : ['Source Sans 3', 'Source Sans Pro']), ...extra.map((f) => f.family)];
  return { faces: [...typeface, ...extra], families };
}
