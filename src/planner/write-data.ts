import { deflateSync } from 'node:zlib';
import type { Kit } from '../content/model.js';
import type { BuildOptions } from '../documents/family.js';
import { host } from '../host/host.js';
import type { Localization } from '../i18n/translator.js';
import { hyphenPatterns } from '../host/hyphen-patterns.js';
import { sourceName } from '../render/fonts.js';
import { faceFor, faceHas, fontSet, typefaceOf, type Face } from '../render/font-set.js';
import { isNeutral } from '../render/font-runs.js';
import { keptInPlanner } from '../fonts/planner-faces.js';
import { blankGlyphs } from '../fonts/blank-glyphs.js';
import { FONT_STYLES } from '../render/fonts.js';
import { LayoutError } from '../errors.js';
import { kitData, optionsData, PLANNER_LAYOUTS, type PlannerData } from './data.js';

/**
 * The planner page's data for one language, from what the build itself reads: the loaded
 * (Danish) kit, the texts its Localization was made from, the build's options and layouts, and hyphen's
 * patterns. Its strings are checked against the fonts here (`loc` is the language), as a
 * build checks them.
 */
export function plannerData(kit: Kit, loc: Localization, options: BuildOptions): PlannerData {
  loc.checkGlyphs();
  const language = loc.language;
  const primary = language.split('-')[0]!;
  const patterns = hyphenPatterns(primary)?.patterns;
  return {
    language,
    kit: kitData(kit),
    texts: loc.texts,
    options: optionsData(options),
    layouts: Object.fromEntries(
      PLANNER_LAYOUTS.map((file) => {
        const source = host.layoutSource(file);
        if (source === undefined) throw new LayoutError(file, 1, 'the layout file is missing.');
        return [file, source];
      }),
    ),
    hyphenation: patterns === undefined ? {} : { [primary]: patterns },
  };
}

/**
 * The page's script with the fonts (`planner-fonts.js`): each font file deflated, in base64, by
 * its sourceName (render/fonts.ts), which the page inflates (src/browser/planner.ts). The build
 * step writes one of the kit's typeface with the Latin glyphs into bundle/ (scripts/fonts.mjs);
 * a language that needs more, or a config's fonts, get the whole files.
 */
export function fontsScript(deflated: Record<string, Uint8Array>): string {
  const base64 = Object.fromEntries(Object.entries(deflated).map(([style, bytes]) => [style, Buffer.from(bytes).toString('base64')]));
  return `window.kernekitFonts = ${JSON.stringify(base64)};\n`;
}

/**
 * The page's script with one language's data (`planner-data.js`): its JSON deflated, in base64,
 * a third of the JSON's size (the English data is 200 kB, half of it hyphenation patterns).
 */
export function dataScript(json: string): string {
  return `window.kernekitPlannerData = "${deflateSync(json, { level: 9 }).toString('base64')}";\n`;
}

/** The font files of a fonts script (fontsScript's), deflated, by their sourceName. */
export function scriptFonts(script: string): Record<string, Uint8Array> {
  const base64 = JSON.parse(script.slice(script.indexOf('{'), script.lastIndexOf('}') + 1)) as Record<string, string>;
  return Object.fromEntries(Object.entries(base64).map(([name, text]) => [name, Buffer.from(text, 'base64')]));
}

/**
 * The font files a planner whose texts are `text` draws with, as fontsScript() takes them: the
 * typeface's, and those of every face up to the last one a character of the text is drawn
 * from (the faces before it are asked first, so the page must have them too to split alike).
 * A face of the kit's that is asked but draws nothing (Arabic before Ethiopic on a Tigrinya
 * page) goes without its glyphs' outlines: its character map answers the same. A face of the
 * kit's that draws only characters its planner ranges keep (the kit's typeface, Latin beside
 * Arabic, say) is the one the package ships cut down to them (`cut`: deflated, by sourceName).
 */
export function wholeFonts(text: string, cut: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const set = fontSet();
  const drawn = new Map<Face, number[]>([[typefaceOf(set), []]]);
  const neutral: number[] = [];
  for (const ch of new Set(text)) {
    const codePoint = ch.codePointAt(0)!;
    const face = faceFor(set, codePoint);
    if (face) drawn.set(face, [...(drawn.get(face) ?? []), codePoint]);
    if (isNeutral(ch)) neutral.push(codePoint);
  }
  // A space, digit or punctuation mark is drawn from the face of the run it is in (font-runs.ts), any face that has it.
  for (const [face, codePoints] of drawn) codePoints.push(...neutral.filter((codePoint) => faceHas(face, codePoint)));
  const last = Math.max(...[...drawn.keys()].map((face) => set.faces.indexOf(face)));
  const files = new Map<string, Uint8Array>();
  for (const face of set.faces.slice(0, last + 1)) {
    const kept = drawn.get(face)?.every((codePoint) => keptInPlanner(face.family, codePoint)) ?? false;
    for (const style of FONT_STYLES) {
      const source = face.sources[style];
      const name = sourceName(source);
      if (files.has(name)) continue;
      if (kept && cut[name]) files.set(name, cut[name]);
      else {
        const bytes = host.font(source);
        files.set(name, deflateSync(drawn.has(face) || !('bundled' in source) ? bytes : blankGlyphs(bytes, NOTDEF_ONLY)));
      }
    }
  }
  return Object.fromEntries(files);
}

const NOTDEF_ONLY: ReadonlySet<number> = new Set([0]);
