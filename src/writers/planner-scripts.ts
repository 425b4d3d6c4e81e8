import type { BuildOptions } from '../documents/family.js';

/**
 * The scripts beside each language's planner page (its code, the kit's fonts, the language's
 * data), by name: planner-page.ts writes them, and `list` says what a build writes without making them. The page's own
 * name is translated: plannerFile in planner-page.ts.
 */
export const PLANNER_SCRIPT = 'planner.js';
export const PLANNER_FONTS = 'planner-fonts.js';
export const PLANNER_DATA = 'planner-data.js';
export const PLANNER_SCRIPTS = [PLANNER_SCRIPT, PLANNER_FONTS, PLANNER_DATA] as const;
/** The SVG drawing (src/browser/svg.ts), beside the pages of a build that draws an SVG: only those load it. */
export const PLANNER_SVG = 'planner-svg.js';
/** Every name a planner's script may take in a language's folder. */
export const PLANNER_SCRIPT_NAMES = [...PLANNER_SCRIPTS, PLANNER_SVG] as const;

/** Whether the planner draws an SVG: the one it can is a config's SVG logo, on the guide's cover. */
export const plannerDrawsSvg = (options: Pick<BuildOptions, 'branding'>): boolean => options.branding?.logo?.kind === 'svg';

/** The scripts a build with these options writes beside each planner page. */
export function plannerScripts(options: Pick<BuildOptions, 'branding'>): string[] {
  return plannerDrawsSvg(options) ? [...PLANNER_SCRIPTS, PLANNER_SVG] : [...PLANNER_SCRIPTS];
}
