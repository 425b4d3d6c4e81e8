import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Planner } from '../../src/browser/planner.js';
import { buildRequest } from '../../src/commands/build-options.js';
import { loadKit } from '../../src/content/load.js';
import { buildDate } from '../../src/driver/build.js';
import { localize } from '../../src/i18n/translator.js';
import { plannerData } from '../../src/planner/write-data.js';
import { plannerFonts } from '../../src/writers/planner-page.js';
import { PLANNER_SVG, plannerDrawsSvg } from '../../src/writers/planner-scripts.js';
import { useFonts } from '../../src/render/font-set.js';
import { CONTENT } from './content.js';

/** The planner page's script, as the build step made it. */
export const PLANNER_BUNDLE = join(import.meta.dirname, '../../bundle/planner.js');

/**
 * The browser bundle run in a context holding only what a browser page has (no require, no
 * process, no Buffer, no Node module at all), with the data and fonts a plain `kernekit build`
 * embeds for `language` (from `content`, with `config`), passed through JSON as the page's
 * script passes it.
 */
export function bundlePlanner(language: string, content = CONTENT, config?: string): Planner {
  const kit = loadKit(content);
  const { options } = buildRequest({ content, out: 'unused', lang: language, duplex: 'long', bleed: 3, imposition: 'sheet', ...(config ? { config } : {}) });
  const withDate = { ...options, date: buildDate(kit.meta.date) };
  useFonts(options.fonts);
  const json = JSON.stringify(plannerData(kit, localize(kit, content, language), withDate));
  const data = JSON.parse(json);
  const page = vm.createContext({ TextEncoder, TextDecoder, queueMicrotask, setTimeout, clearTimeout, console, performance, structuredClone, atob, btoa });
  page.window = page;
  // The fonts script the build writes for this language: the shipped one, or the whole faces its texts need.
  vm.runInContext(plannerFonts(json, withDate).toString('utf8'), page);
  // The SVG drawing, which the page loads where its guide draws an SVG logo.
  if (plannerDrawsSvg(withDate)) vm.runInContext(readFileSync(join(PLANNER_BUNDLE, '..', PLANNER_SVG), 'utf8'), page);
  vm.runInContext(readFileSync(PLANNER_BUNDLE, 'utf8'), page);
  return (page.kernekitPlanner as { planner: typeof import('../../src/browser/planner.js').planner }).planner(data, page.kernekitFonts);
}
