import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Planner } from '../../src/browser/planner.js';
import { buildRequest } from '../../src/commands/build-options.js';
import { loadKit } from '../../src/content/load.js';
import { buildDate } from '../../src/driver/build.js';
import { localize } from '../../src/i18n/translator.js';
import { plannerData } from '../../src/planner/write-data.js';
import { CONTENT } from './content.js';

/** The planner page's script and its fonts, as the build step made them. */
export const PLANNER_BUNDLE = join(import.meta.dirname, '../../bundle/planner.js');
const PLANNER_FONTS = join(import.meta.dirname, '../../bundle/planner-fonts.js');

/**
 * The browser bundle run in a context holding only what a browser page has (no require, no
 * process, no Buffer, no Node module at all), with the data a plain `kernekit build` embeds
 * for `language` (from `content`), passed through JSON as the page's script passes it.
 */
export function bundlePlanner(language: string, content = CONTENT): Planner {
  const kit = loadKit(content);
  const { options } = buildRequest({ content, out: 'unused', lang: language, duplex: 'long', bleed: 3, imposition: 'sheet' });
  const data = JSON.parse(JSON.stringify(plannerData(kit, localize(kit, content, language), { ...options, date: buildDate(kit.meta.date) })));
  const page = vm.createContext({ TextEncoder, TextDecoder, queueMicrotask, setTimeout, clearTimeout, console, performance, structuredClone, atob, btoa });
  page.window = page;
  vm.runInContext(readFileSync(PLANNER_FONTS, 'utf8'), page);
  vm.runInContext(readFileSync(PLANNER_BUNDLE, 'utf8'), page);
  return (page.kernekitPlanner as { planner: typeof import('../../src/browser/planner.js').planner }).planner(data, page.kernekitFonts);
}
