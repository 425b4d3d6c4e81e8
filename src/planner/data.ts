import type { Category, Kit } from '../content/model.js';
import type { BuildOptions } from '../documents/family.js';
import type { LanguageTexts } from '../i18n/localization.js';
import type { ChosenFont } from '../render/fonts.js';

/**
 * What the planner page needs of one language to make the same guide and deck as the
 * command line: the kit as it was loaded, the language's texts, the build's options, and
 * the layouts and hyphenation patterns it used. Plain JSON, embedded in the published
 * folder as a script.
 */
export interface PlannerData {
  language: string;
  kit: Omit<Kit, 'categories'> & { categories: Array<[string, Category]> };
  texts: LanguageTexts;
  options: Omit<BuildOptions, 'date' | 'branding' | 'tailoring'> & { date: string; branding: BrandingData | null };
  layouts: Record<string, string>;
  hyphenation: Record<string, unknown>;
}

type BrandingData = Omit<NonNullable<BuildOptions['branding']>, 'logo'> & {
  logo: { kind: 'png'; data: string; width: number; height: number } | { kind: 'svg'; svg: string } | null;
};

/** The layouts the guide, the deck and the print pack are drawn with; test/planner-layouts.test.ts holds it to what they read. */
export const PLANNER_LAYOUTS = ['guide.hbs', 'guide-cover.hbs', 'guide-run-sheet.hbs', 'card-front.hbs', 'card-back.hbs', 'deck-instructions.hbs', 'deck-test-back.hbs', 'worksheet.hbs', 'handout.hbs'];

export function kitData(kit: Kit): PlannerData['kit'] {
  return { ...kit, categories: [...kit.categories] };
}

export function revivedKit(data: PlannerData['kit']): Kit {
  return { ...data, categories: new Map(data.categories) };
}

/** The options as JSON: the date as ISO text, a PNG logo's bytes in base64. The guide's tailoring is the page's own. */
export function optionsData(options: BuildOptions): PlannerData['options'] {
  const { date, branding, tailoring: _, fonts, ...rest } = options;
  const logo = branding?.logo ?? null;
  // The page finds a config's font by its digest: where the file lay on the builder's disk is none of its business.
  const named = (font: ChosenFont): ChosenFont => ({ file: font.file.split(/[\\/]/).pop()!, sha256: font.sha256 });
  return {
    ...rest,
    ...(fonts ? { fonts: { typeface: fonts.typeface && (Object.fromEntries(Object.entries(fonts.typeface).map(([style, f]) => [style, named(f)])) as typeof fonts.typeface), fonts: fonts.fonts.map(named) } } : {}),
    date: date.toISOString(),
    branding: branding ? { ...branding, logo: logo?.kind === 'png' ? { ...logo, data: Buffer.from(logo.data).toString('base64') } : logo } : null,
  };
}

export function revivedOptions(data: PlannerData['options']): BuildOptions {
  const { date, branding, ...rest } = data;
  const logo = branding?.logo ?? null;
  return {
    ...rest,
    date: new Date(date),
    ...(branding ? { branding: { ...branding, logo: logo?.kind === 'png' ? { ...logo, data: Buffer.from(logo.data, 'base64') } : logo } } : {}),
  };
}
