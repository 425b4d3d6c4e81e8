/**
 * The scripts beside each language's planner page (its code, the kit's fonts, the language's
 * data), by name: planner-page.ts writes them, and `list` says what a build writes without making them. The page's own
 * name is translated: plannerFile in planner-page.ts.
 */
export const PLANNER_SCRIPT = 'planner.js';
export const PLANNER_FONTS = 'planner-fonts.js';
export const PLANNER_DATA = 'planner-data.js';
export const PLANNER_SCRIPTS = [PLANNER_SCRIPT, PLANNER_FONTS, PLANNER_DATA] as const;
