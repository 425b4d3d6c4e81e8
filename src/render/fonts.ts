/** The kit's one type family, committed in fonts/ with its OFL licence. */
export const FONT_FAMILY = 'SourceSans3';

/** The text style every kit PDF starts from; fitting measures with the same one. */
export const DEFAULT_STYLE = { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.15 } as const;

export const FONT_FILES = {
  normal: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italics: 'SourceSans3-It.ttf',
  bolditalics: 'SourceSans3-BoldIt.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

export function styleOf(bold: boolean, italics: boolean): FontStyle {
  return bold ? (italics ? 'bolditalics' : 'bold') : italics ? 'italics' : 'normal';
}
