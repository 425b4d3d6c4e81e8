import { relative } from 'node:path';
import { InputError, type Problem } from '../content/problems.js';
import { schemaProblems } from '../content/schema-problems.js';
import { readYamlFile } from '../content/yaml-file.js';
import type { Branding } from '../documents/family.js';
import type { PaperName } from '../print/paper.js';
import { readLogo, type Logo } from './logo.js';
import { checkFontFile, type FontFile, type Typeface, type TypefaceStyle } from './font-file.js';
import { configSchema } from './schema.js';
import { unprintable } from '../render/unprintable.js';
import { fontSetOf } from '../render/font-set.js';
import { fontChoice } from './font-choice.js';
import { canonicalLanguage, hasTranslation, noTranslation } from '../i18n/language-code.js';

/** Looked up in the working directory when no --config is given. */
export { CONFIG_FILE } from './file.js';
import { configPath, pathFromConfig } from './file.js';

/** The organisation's config, checked; build defaults are undefined where the file is silent. */
export interface KitConfig {
  organisation: string | null;
  logo: Logo | null;
  accent: string | null;
  paper: PaperName | undefined;
  cardSize: string | undefined;
  languages: string[] | undefined;
  /** `fonts:`, each file checked to be a font. */
  fonts: FontFile[];
  /** `typeface:`, each file checked to be a font; null when the kit's own is used. */
  typeface: Typeface | null;
}


/**
 * Reads `file` (which must exist), or else `kernekit.config.yaml` in the working directory
 * if there is one. Every problem in the file, the logo's included, is reported at once;
 * its languages must have a translation in `contentDir`.
 */
export function loadConfig(file: string | undefined, contentDir: string): KitConfig | null {
  const path = configPath(file);
  if (path === undefined) return null;
  const result = readYamlFile(path, relative(process.cwd(), path) || path);
  if (!result.ok) throw new InputError(result.problems);
  const { yaml } = result;
  // An empty file is a valid config that sets nothing.
  const data = yaml.data ?? {};
  const problems: Problem[] = [];
  const fields = isFields(data) ? { ...data } : data;
  if (isFields(fields) && 'accent' in fields && fields.accent === null) {
    // `accent: #1D5E8C` unquoted is an empty value followed by a comment; "expected a text" would not say that.
    problems.push(yaml.problemAt(['accent'], 'The colour is missing or not in quotes: a bare # starts a YAML comment. Write it as accent: "#1D5E8C".', 'colour-unquoted'));
    delete fields.accent;
  }
  const checked = configSchema.safeParse(fields);
  if (!checked.success) problems.push(...schemaProblems(yaml, configSchema, checked.error));

  // Checked even when other fields are wrong, so one run shows everything to fix.
  const written = isFields(data) ? data.logo : undefined;
  let logo: Logo | null = null;
  if (typeof written === 'string' && written.trim() !== '') {
    const read = readLogo(pathFromConfig(path, written), written.trim());
    if (read.ok) logo = read.logo;
    else problems.push(yaml.problemAt(['logo'], read.message, read.rule));
  }
  const languages = isFields(data) && Array.isArray(data.languages) ? (data.languages as unknown[]) : [];
  languages.forEach((code, i) => {
    const language = typeof code === 'string' ? canonicalLanguage(code) : undefined;
    if (language !== undefined && !hasTranslation(contentDir, language)) problems.push(yaml.problemAt(['languages', i], noTranslation(contentDir, language), 'no-translation'));
  });
  // Font files are checked even when other fields are wrong, each at its own line.
  const font = (field: Array<string | number>, written: unknown): FontFile | undefined => {
    if (typeof written !== 'string' || written.trim() === '') return undefined;
    const read = checkFontFile(pathFromConfig(path, written), written.trim());
    if (read.ok) return read.font;
    problems.push(yaml.problemAt(field, read.message, read.rule));
    return undefined;
  };
  const fonts = isFields(data) && Array.isArray(data.fonts) ? data.fonts.map((written, i) => font(['fonts', i], written)) : [];
  const faces = isFields(data) && isFields(data.typeface) ? data.typeface : {};
  const typeface = Object.fromEntries(Object.entries(faces).map(([style, written]) => [style, font(['typeface', style], written)]));
  const organisation = checked.success ? checked.data.organisation : undefined;
  // The name is checked against the fonts this config draws with, once they are all fonts.
  const readable = fonts.every((f) => f !== undefined) && Object.values(typeface).every((f) => f !== undefined);
  const drawnWith = readable && checked.success ? fontSetOf(fontChoice({ fonts: fonts as FontFile[], typeface: checked.data.typeface ? (typeface as Typeface) : null })) : undefined;
  const lacking = organisation === undefined || !drawnWith ? undefined : unprintable(organisation, drawnWith);
  if (lacking) problems.push(yaml.problemAt(['organisation'], `The fonts cannot print ${lacking}, and the name is printed in every PDF's footer and on the guide's cover. Write it in letters the fonts have, or add a font that has them under fonts:.`, 'missing-glyph'));
  if (problems.length > 0 || !checked.success) throw new InputError(problems);
  const c = checked.data;
  return {
    organisation: c.organisation ?? null,
    logo,
    accent: c.accent ?? null,
    paper: c.paper,
    cardSize: c.cardSize,
    languages: c.languages,
    // Every file was checked above, or the config was refused.
    fonts: fonts as FontFile[],
    typeface: c.typeface ? (typeface as Typeface) : null,
  };
}

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the documents show of the config; undefined when it brands nothing. */
export function branding(config: KitConfig | null): Branding | undefined {
  if (!config || (config.organisation === null && config.logo === null && config.accent === null)) return undefined;
  return { organisation: config.organisation, logo: config.logo, accent: config.accent };
}
