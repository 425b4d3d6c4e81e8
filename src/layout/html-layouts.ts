import { existsSync, readdirSync } from 'node:fs';
import { LayoutError } from '../errors.js';
import type Handlebars from 'handlebars';
import { compileLayout, compiledLayout, fillLayout, layoutEnvironment, onLayoutsChanged, type Translate } from './layouts.js';
import { LAYOUT_DIR } from '../kit-paths.js';

/** HTML layouts live in layouts/html/; the ones named `_x.hbs` are partials, used as {{> x}}. */
const HTML_DIR = 'html/';

/** The compile options of every HTML layout; its partials are compiled with the same. */
const HTML_OPTIONS = { strict: true };

let env: typeof Handlebars | undefined;
onLayoutsChanged(() => (env = undefined));

/** The HTML environment: the same helpers as the PDF layouts, but every {{value}} is HTML-escaped. */
function environment(): typeof Handlebars {
  if (env) return env;
  // A copy of the layouts made by an older kernekit (init --copy layouts) may lack the web pages' folder.
  if (!existsSync(LAYOUT_DIR + HTML_DIR)) throw new LayoutError(HTML_DIR, 1, "the web pages' layouts are missing. Copy layouts/html/ from kernekit's own layouts into this folder's layouts/.");
  env = layoutEnvironment((label) => label);
  for (const file of readdirSync(LAYOUT_DIR + HTML_DIR).filter((f) => f.startsWith('_') && f.endsWith('.hbs'))) {
    // Compiled now, not on first use, so that a mistake in a partial is reported at its own file and line.
    env.registerPartial(file.slice(1, -4), compileLayout(env, HTML_DIR + file, HTML_OPTIONS));
  }
  return env;
}

/**
 * Runs the HTML layout `layouts/html/<file>` with its data. Content text and labels are
 * escaped by Handlebars ({{ }}), so no text of the kit is ever read as markup.
 */
export function runHtmlLayout(file: string, data: object, t: Translate): string {
  const path = HTML_DIR + file;
  const tpl = compiledLayout(path, environment, HTML_OPTIONS);
  // Indented templates leave spaces at line ends; they mean nothing in HTML (no layout writes <pre>).
  return fillLayout(tpl, path, data, t).replace(/[ \t]+$/gm, '');
}
