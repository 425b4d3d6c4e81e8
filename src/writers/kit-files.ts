import type { Kit } from '../content/model.js';
import { FAMILIES } from '../documents/registry.js';
import { editionFile } from './html-edition.js';
import { PLANNER_SCRIPT_NAMES } from './planner-scripts.js';

/** `previews/<name>.png`: a PDF's thumbnail on the index page. */
export function previewFile(pdfFile: string): string {
  return `previews/${pdfFile.replace(/\.pdf$/, '.png')}`;
}

/** `kernekit-<lang>.zip`: a language's PDFs and read-me. */
export function zipFile(language: string): string {
  return `kernekit-${language}.zip`;
}

/** Every file the kit's documents publish in a language's folder: each PDF, its HTML edition and its thumbnail. */
export function documentFiles(kit: Kit): Set<string> {
  return new Set(FAMILIES.flatMap((family) => family.files(kit)).flatMap((pdf) => [pdf, editionFile(pdf), previewFile(pdf)]));
}

/**
 * The names a translated file name (the planner page's, the zip's read-me's) may not take in
 * a language's folder or zip: a second file of the name would replace the kit's own.
 */
export function kitFileNames(kit: Kit, language: string): Set<string> {
  return new Set([...documentFiles(kit), zipFile(language), ...PLANNER_SCRIPT_NAMES, 'previews']);
}
