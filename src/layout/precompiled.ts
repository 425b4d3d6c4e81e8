import type Handlebars from 'handlebars';
import { host } from '../host/host.js';
import { digestName } from '../host/digest-name.js';

/**
 * A Handlebars template, compiled once per machine rather than once per process: Handlebars
 * parses a layout and writes its JavaScript in about 15 ms a layout (all of them: about 0.2 s
 * in a fresh process), and running what it wrote takes under 1 ms. What it writes is kept by
 * the host (the command line: in the cache folder), named by the layout's text, the options
 * and Handlebars' version; a template made from it is the one compile() makes. A layout with
 * a syntax error fails here, as in compile().
 */
export function compileTemplate(hb: typeof Handlebars, source: string, options: CompileOptions): HandlebarsTemplateDelegate {
  const key = digestName(`${hb.VERSION}\0${JSON.stringify(options)}\0${source}`);
  // A copy: Handlebars adds its own fields to the options it is given, which would change the key of the next layout compiled with them.
  const spec = host.kept('templates', `${key}.js`, () => hb.precompile(source, { ...options }) as string);
  return hb.template(new Function(`return ${spec};`)() as TemplateSpecification);
}
