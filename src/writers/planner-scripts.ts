/**
 * The scripts beside each language's planner page (its code, the kit's fonts, the language's
 * data), by name, for `list` to say what a build writes without making them. The page's own
 * name is translated: plannerFile in planner-page.ts.
 */
export const PLANNER_SCRIPTS = ['planner.js', 'planner-fonts.js', 'planner-data.js'] as const;
