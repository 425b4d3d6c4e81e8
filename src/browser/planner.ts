import { cards, DECK_FILE } from '../documents/cards/index.js';
import type { BuildOptions, Family } from '../documents/family.js';
import { guide, GUIDE_FILE } from '../documents/guide/index.js';
import { pack, PACK_CARDS_FILE } from '../documents/pack/index.js';
import { renderPdfs } from '../driver/render-pdfs.js';
import { provideHostData } from '../host/host-browser.js';
import { localizeWith, type Localization } from '../i18n/localization.js';
import { revivedKit, revivedOptions, type PlannerData } from '../planner/data.js';
import type { Tailoring } from '../plan/tailoring.js';
import type { FontStyle } from '../render/fonts.js';
import { engine } from '../render/pdfmake.js';
import { textWidth } from '../render/text-metrics.js';

/** The deck options a facilitator may choose on the page; the rest are the build's. */
export type DeckChoices = Partial<Pick<BuildOptions, 'paper' | 'card' | 'cardSizeName' | 'duplex' | 'backs' | 'deckParts'>>;

export interface Planner {
  loc: Localization;
  options: BuildOptions;
  guide(tailoring: Tailoring): Promise<Uint8Array>;
  /** Parses the fonts and sets up the engine, so the first PDF comes sooner; the PDFs do not change. */
  warmUp(): void;
  deck(choices: DeckChoices): Promise<Uint8Array>;
  /** The meeting's print pack on card stock: each group's cards, as `--groups` makes it. */
  pack(tailoring: Tailoring): Promise<Uint8Array>;
}

/**
 * The planner of one language, from the data the build embedded and the fonts (base64).
 * The guide and the deck are composed and rendered by renderPdfs, as in a build.
 */
export function planner(data: PlannerData, fonts: Record<FontStyle, string>): Planner {
  const bytes = Object.fromEntries(Object.entries(fonts).map(([style, b64]) => [style, Buffer.from(b64, 'base64')])) as unknown as Record<FontStyle, Uint8Array>;
  provideHostData({ fonts: bytes, layouts: data.layouts, hyphenation: data.hyphenation });
  // The build that embedded the data checked every string against the fonts.
  const loc = localizeWith(revivedKit(data.kit), data.language, data.texts, { printed: () => {}, formatted: (text) => text });
  const options = revivedOptions(data.options);
  const one = async (family: Family, file: string, opts: BuildOptions) => {
    const [doc] = await renderPdfs(family, loc, opts, new Set([file]));
    return new Uint8Array(doc!.pdf);
  };
  return {
    loc,
    options,
    guide: (tailoring) => one(guide, GUIDE_FILE, { ...options, tailoring }),
    deck: (choices) => one(cards, DECK_FILE, { ...options, ...choices }),
    pack: (tailoring) => one(pack, PACK_CARDS_FILE, { ...options, tailoring }),
    warmUp() {
      engine();
      for (const bold of [false, true]) for (const italics of [false, true]) textWidth(loc.kit.meta.title, { fontSize: 10, bold, italics });
    },
  };
}
