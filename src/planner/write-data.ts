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

/** The kit's fonts in base64, as the page's script hands them to the planner. */
export function fontData(): Record<FontStyle, string> {
  return Object.fromEntries([...host.fonts()].map(([style, bytes]) => [style, Buffer.from(bytes).toString('base64')])) as Record<FontStyle, string>;
}

/**
 * The page's script with the kit's fonts (`planner-fonts.js`), the same for every language and
 * build: the build step writes it into bundle/ beside the planner's code (scripts/bundle.mjs),
 * and a build copies both.
 */
export function fontsScript(): string {
  return `window.kernekitFonts = ${JSON.stringify(fontData())};\n`;
}
