import { host } from '../host/host.js';
import { BASE_STYLE, FONT_FAMILY, FONT_FILES, FONT_STYLES, SCRIPT_FACES, type ChosenFont, type FontChoice, type FontSource, type FontStyle } from './fonts.js';
import { glyphCoverage } from './glyph-coverage.js';
import { fromConfig } from './parsed-fonts.js';

/** One family a PDF may draw with: pdfmake's name for it and its file for each style. */
export interface Face {
  /**
   * pdfmake's name of the family. A face from the config is named by its files' digests, so the
   * measured heights and shaped words kept from another file of the same name are never used.
   */
  family: string;
  sources: Record<FontStyle, FontSource>;
}

/**
 * The faces a build draws with, in the order a character is looked for: the typeface (the kit's
 * own, or the config's `typeface:` and then the kit's own), the script faces, then the
 * config's `fonts:`.
 */
export interface FontSet {
  faces: readonly Face[];
  /** What tells this set from another, for caches of laid-out text. */
  key: string;
}

const short = (font: ChosenFont) => font.sha256.slice(0, 16);

const kitFace: Face = { family: FONT_FAMILY, sources: Object.fromEntries(FONT_STYLES.map((s) => [s, { bundled: FONT_FILES[s] }])) as Face['sources'] };

/** The config's `typeface:` as a face: a style it leaves out falls back to bold or italic, else regular. */
function brandFace(choice: NonNullable<FontChoice['typeface']>): Face {
  const { normal } = choice;
  const bold = choice.bold ?? normal;
  const italics = choice.italics ?? normal;
  const sources = { normal, bold, italics, bolditalics: choice.bolditalics ?? (choice.bold ? bold : italics) };
  return { family: `typeface-${FONT_STYLES.map((s) => short(sources[s])).join('-')}`, sources };
}

const scriptFaces: Face[] = SCRIPT_FACES.map((f) => ({
  family: f.family,
  sources: { normal: { bundled: f.normal }, bold: { bundled: f.bold }, italics: { bundled: f.normal }, bolditalics: { bundled: f.bold } },
}));

/** A font the config lists under `fonts:`: one file for every style. */
const extraFace = (font: ChosenFont): Face => ({ family: `font-${short(font)}`, sources: { normal: font, bold: font, italics: font, bolditalics: font } });

/** The faces of the kit and of a config's choice, in the order a character is looked for. */
export function fontSetOf(choice: FontChoice | undefined): FontSet {
  // Behind a brand typeface the kit's own still draws what the brand font lacks (Greek, Cyrillic, a rare accent).
  const typefaces = choice?.typeface ? [brandFace(choice.typeface), kitFace] : [kitFace];
  const faces = [...typefaces, ...scriptFaces, ...(choice?.fonts ?? []).map(extraFace)];
  return { faces, key: faces.map((f) => f.family).join(',') };
}

let current = fontSetOf(undefined);

/**
 * Draws from here on with the kit's faces and the config's (`undefined`: the kit's alone).
 * Every place that renders or checks text calls it with the build's choice first (render-pdfs.ts,
 * the build request, validate), so a thread, a watch rebuild and the planner page agree.
 */
export function useFonts(choice: FontChoice | undefined): void {
  const next = fontSetOf(choice);
  if (next.key !== current.key) current = next;
}

export const fontSet = (): FontSet => current;

/** The typeface: what text is drawn with unless it holds a character the typeface lacks. */
export const typefaceOf = (set: FontSet): Face => set.faces[0]!;

/** The text style every PDF starts from; fitting measures with the same one. */
export const defaultStyle = (set: FontSet = current) => ({ font: typefaceOf(set).family, ...BASE_STYLE });

export function faceFile(face: Face, style: FontStyle): Uint8Array {
  const source = face.sources[style];
  const bytes = host.font(source);
  if (!('bundled' in source)) fromConfig(bytes, source.sha256);
  return bytes;
}

const printable = new WeakMap<Face, Map<number, boolean>>();

/**
 * Whether the face draws a character upright and bold (what the glyph check asks of every
 * text): a text is split into faces by this, so it never depends on the style it is set in.
 */
export function faceHas(face: Face, codePoint: number): boolean {
  let known = printable.get(face);
  if (!known) printable.set(face, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) known.set(codePoint, (has = glyphCoverage(faceFile(face, 'normal'))(codePoint) && glyphCoverage(faceFile(face, 'bold'))(codePoint)));
  return has;
}

/** Line breaks, tabs, the soft hyphen and the zero-width space: never drawn, so in no face's way. Other control characters are missing glyphs. */
export const unseen = (cp: number) => cp === 0x0a || cp === 0x09 || cp === 0xad || cp === 0x200b;

/** The first face of the set that has the character, or undefined when none has it. */
export function faceFor(set: FontSet, codePoint: number): Face | undefined {
  return set.faces.find((face) => faceHas(face, codePoint));
}
