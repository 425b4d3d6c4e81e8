import { nest, splitKey, type Catalog } from './catalog.js';
import { templateFile, writeJson } from './files.js';

/**
 * `source-da/content.json`: the content's Danish as a translation template, made from the
 * YAML. Rewritten by every status, extract and build whose content changed, so a
 * translation tool always reads today's Danish.
 */
export function writeContentTemplate(contentDir: string, source: Catalog): void {
  const entries = [...source].filter(([k]) => splitKey(k).ns === 'content').map(([k, text]) => [splitKey(k).key, text] as [string, string]);
  try {
    writeJson(contentDir, templateFile(contentDir, 'content'), nest(entries));
  } catch {
    // Read-only checkout: the template is for translation tools, not for the build.
  }
}
