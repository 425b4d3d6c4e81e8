/** The kit's own type family, committed in fonts/ with its OFL licence. */
export const FONT_FAMILY = 'SourceSans3';

/** The text size and leading every kit PDF starts from; the family is the font set's first (font-set.ts). */
export const BASE_STYLE = { fontSize: 10, lineHeight: 1.15 } as const;

export const FONT_FILES = {
  normal: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italics: 'SourceSans3-It.ttf',
  bolditalics: 'SourceSans3-BoldIt.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

export const FONT_STYLES = Object.keys(FONT_FILES) as FontStyle[];

/**
 * The faces for scripts the kit's own family lacks, committed in fonts/ with their OFL licence
 * (NOTO-LICENSE.md), tried in this order for a character the kit's family has not. Noto has no
 * italics: slanted text in these scripts is drawn upright.
 */
export const SCRIPT_FACES = [
  { family: 'NotoSansArabic', normal: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf' },
  { family: 'NotoSansEthiopic', normal: 'NotoSansEthiopic-Regular.ttf', bold: 'NotoSansEthiopic-Bold.ttf' },
] as const;

/** Every font file of the package that PDFs are drawn with. */
export const BUNDLED_FONT_FILES: readonly string[] = [...Object.values(FONT_FILES), ...SCRIPT_FACES.flatMap((f) => [f.normal, f.bold])];

/**
 * A font file the config names (`typeface:`, `fonts:`): where it is, and its sha256, which
 * names it wherever the path cannot (the planner page, the engine's caches, pdfmake's families).
 */
export interface ChosenFont {
  file: string;
  sha256: string;
}

/** Where a face's file comes from: kernekit's fonts/ folder, or the config. */
export type FontSource = { bundled: string } | ChosenFont;

/** The name a font file goes by in data handed to a browser: its file name in fonts/, or its sha256. */
export const sourceName = (source: FontSource): string => ('bundled' in source ? source.bundled : source.sha256);

/**
 * The fonts of the organisation's config: `typeface:` in place of the kit's own family (each
 * style it leaves out falls back to one it gives), and `fonts:`, tried in order after the
 * script faces for characters no other face has.
 */
export interface FontChoice {
  typeface: Partial<Record<FontStyle, ChosenFont>> & { normal: ChosenFont } | null;
  fonts: ChosenFont[];
}

export function styleOf(bold: boolean, italics: boolean): FontStyle {
  return bold ? (italics ? 'bolditalics' : 'bold') : italics ? 'italics' : 'normal';
}
