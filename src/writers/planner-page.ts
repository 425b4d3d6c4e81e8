import { readFileSync } from 'node:fs';
import { webFontsView } from '../fonts/web-fonts.js';
import { join } from 'node:path';
import { deckParts } from '../content/families.js';
import type { Kit } from '../content/model.js';
import { attribution } from '../documents/attribution.js';
import { footerSource } from '../documents/page.js';
import type { BuildOptions } from '../documents/family.js';
import { pageLanguage } from '../i18n/page-language.js';
import { PSEUDO_LANGUAGE } from '../i18n/pseudo.js';
import { flatten } from '../i18n/tree.js';
import type { Localization } from '../i18n/translator.js';
import { runHtmlLayout } from '../layout/html-layouts.js';
import { BREAK_RANGE, LENGTH_RANGE, PARTICIPANTS_RANGE } from '../plan/tailoring.js';
import { MEETING_FIELDS } from '../plan/tailoring-check.js';
import { dataScript, fontsScript, plannerData, scriptFonts, wholeFonts } from '../planner/write-data.js';
import { latinOnly } from '../fonts/latin.js';
import { CARD_PRESETS, PAPER_CHOICES } from '../print/paper.js';
import { builtFile } from './built-file.js';
import { digestName } from '../host/digest-name.js';
import { DEFAULT_ACCENT } from './html-edition.js';
import { focusColour } from './focus-colour.js';
import { labelledFileName } from './label-file-name.js';
import type { ManifestFile } from './manifest.js';
import { PLANNER_DATA, PLANNER_FONTS, PLANNER_SCRIPT, PLANNER_SVG, plannerDrawsSvg } from './planner-scripts.js';
import { fallbackPassages, isolateFallbacks } from './isolate-fallbacks.js';

const FILE_KEY = 'planner.file';

/** The ranges the fields' hints name, as the checks apply them. */
const HINT_VALUES = { from: PARTICIPANTS_RANGE.min, to: PARTICIPANTS_RANGE.max, breakMax: BREAK_RANGE.max, minutesMax: LENGTH_RANGE.max };

/**
 * The planner page's file name in a language: a translated label (`planlaeg-moedet.html`),
 * which a link names as it is, so letters, digits and hyphens only. The pseudo-locale's
 * labels are the Danish in brackets with filler words, so its page keeps the Danish name.
 */
export function plannerFile(loc: Localization, contentDir: string): string {
  if (loc.language === PSEUDO_LANGUAGE) return flatten(loc.texts.danishLabels).find(([key]) => key === FILE_KEY)![1];
  return labelledFileName(loc, contentDir, FILE_KEY, 'the planner page needs a name of letters, digits and hyphens ending in .html, such as "planlaeg-moedet.html".', (name) => /^[\p{L}\p{N}-]+\.html$/u.test(name));
}

/**
 * One language's planner: its page, and beside it the planner's code, the kit's fonts, the
 * language's data (the kit, the texts, the build's options and layouts) and, where the guide
 * draws an SVG logo, the SVG drawing, so each language's folder works on its own. Scripts, not JSON: a page opened from disk may not
 * fetch a file, but it may run one (`<script src>`).
 */
export function plannerFiles(kit: Kit, contentDir: string, loc: Localization, options: BuildOptions, documents: ManifestFile[]): Map<string, Buffer> {
  const guide = documents.find((f) => f.language === loc.language && f.kind === 'pdf' && f.document === 'guide');
  const data = JSON.stringify(plannerData(kit, loc, options));
  return new Map([
    [plannerFile(loc, contentDir), Buffer.from(plannerPage(loc, options, guide))],
    [PLANNER_SCRIPT, builtFile(PLANNER_SCRIPT)],
    [PLANNER_FONTS, plannerFonts(data, options)],
    [PLANNER_DATA, Buffer.from(dataScript(data))],
    ...(plannerDrawsSvg(options) ? [[PLANNER_SVG, builtFile(PLANNER_SVG)] as const] : []),
  ]);
}

/** The kit's script faces cut down as the planner's fonts keep them (scripts/fonts.mjs): read by builds, never published as it is. */
const SCRIPT_FACES_FONTS = 'planner-script-fonts.js';

/** The fonts scripts for languages with other letters or a brand typeface: each set of files made once per process, named by their bytes. */
const wholeFontsScripts = new Map<string, Buffer>();

/**
 * The planner's fonts script for a language whose data is `data`: the one the package ships
 * (the kit's typeface, its Latin glyphs) when that is all the texts need, else the files of
 * the faces they draw with (wholeFonts).
 */
export function plannerFonts(data: string, options: BuildOptions): Buffer {
  // Everything the planner can print (its texts, layouts and patterns; the facilitator types
  // only numbers) in the Latin characters whose glyphs the shipped fonts keep.
  if (latinOnly(data) && !options.fonts?.typeface) return builtFile(PLANNER_FONTS);
  const cut = { ...scriptFonts(builtFile(PLANNER_FONTS).toString('latin1')), ...scriptFonts(builtFile(SCRIPT_FACES_FONTS).toString('latin1')) };
  const files = wholeFonts(data, cut);
  const key = Object.entries(files).map(([name, bytes]) => `${name}:${digestName(bytes)}`).join(',');
  let script = wholeFontsScripts.get(key);
  if (!script) wholeFontsScripts.set(key, (script = Buffer.from(fontsScript(files))));
  return script;
}

function plannerPage(loc: Localization, options: BuildOptions, guide: ManifestFile | undefined): string {
  const t = loc.t;
  const inFolder = (path: string) => path.slice(loc.language.length + 1);
  const choice = <T extends string>(values: readonly T[], chosen: T, label: (v: T) => string) => values.map((value) => ({ value, label: label(value), checked: value === chosen }));
  const sizes = Object.keys(CARD_PRESETS).includes(options.cardSizeName) ? [] : [options.cardSizeName];
  const view = {
    page: {
      ...pageLanguage(loc.language),
      title: t('planner.title'),
      author: options.branding?.organisation ?? loc.kit.meta.source.publisher,
      focus: focusColour(options.branding?.accent ?? DEFAULT_ACCENT),
      navLabel: t('html.navigation'),
      home: '../index.html',
      fonts: webFontsView('../', options.fonts),
      homeLabel: t('html.home'),
      // The page is the kit's, and its plan shows Fremfærd's steps.
      source: footerSource(loc, options, attribution(loc, ['seed', 'kit'])),
    },
    scripts: { fonts: PLANNER_FONTS, data: PLANNER_DATA, planner: PLANNER_SCRIPT, svg: plannerDrawsSvg(options) ? PLANNER_SVG : null },
    exercises: loc.kit.exercises.map((e, i) => ({ number: e.number, label: t('category.exercise', { number: e.number, title: e.title }), checked: i === 0 })),
    fields: MEETING_FIELDS.map((id) => ({ id, label: t(`planner.${id}`), hint: t(`planner.${id}Hint`, HINT_VALUES), numeric: id !== 'start' })),
    guide: guide ? { pdf: inFolder(guide.path), html: guide.html ? inFolder(guide.html) : null } : null,
    deck: {
      parts: deckParts.map((value) => ({ value, label: t(`planner.part.${value}`), checked: options.deckParts?.includes(value) ?? true })),
      papers: choice(PAPER_CHOICES, options.paper, (p) => (p === 'a4' ? 'A4' : 'US Letter')),
      // A size of the build's own (70x100) is offered too, as the build made it.
      sizes: choice([...Object.keys(CARD_PRESETS), ...sizes], options.cardSizeName, (s) =>
        s in CARD_PRESETS ? t(`planner.size.${s}`) : `${options.card.width} × ${options.card.height} mm`,
      ),
      duplexes: choice(['long', 'short', 'none'] as const, options.duplex, (d) => t(`planner.duplexValue.${d}`)),
      backs: choice(['light', 'full'] as const, options.backs, (b) => t(`planner.backsValue.${b}`)),
    },
  };
  return isolateFallbacks(runHtmlLayout('planner.hbs', view, t), fallbackPassages([loc]));
}
