import { deflateSync } from 'node:zlib';
import type { Kit } from '../content/model.js';
import type { BuildOptions } from '../documents/family.js';
import { host } from '../host/host.js';
import type { Localization } from '../i18n/translator.js';
import { hyphenPatterns } from '../host/hyphen-patterns.js';
import type { FontStyle } from '../render/fonts.js';
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
 * The page's script with the fonts (`planner-fonts.js`): each style's TrueType file deflated, in
 * base64, which the page inflates (src/browser/planner.ts). The build step writes one with the
 * Latin glyphs into bundle/ (scripts/fonts.mjs); a language that needs more gets the whole fonts.
 */
export function fontsScript(deflated: Record<FontStyle, Uint8Array>): string {
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

/** The kit's whole fonts as fontsScript() takes them. */
export function wholeFonts(): Record<FontStyle, Uint8Array> {
  const deflated = [...host.fonts()].map(([style, bytes]): [FontStyle, Uint8Array] => [style, deflateSync(bytes)]);
  return Object.fromEntries(deflated) as Record<FontStyle, Uint8Array>;
}
