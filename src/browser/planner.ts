import { inflate } from 'pako';
import { cards, DECK_FILE } from '../documents/cards/index.js';
import type { BuildOptions, Family } from '../documents/family.js';
import { guide, GUIDE_FILE } from '../documents/guide/index.js';
import { pack, PACK_CARDS_FILE, PACK_PAPER_FILE } from '../documents/pack/index.js';
import { renderPdfs } from '../driver/render-pdfs.js';
import { provideHostData } from '../host/host-browser.js';
import { localizeWith, UNCHECKED, type Localization } from '../i18n/localization.js';
import { revivedKit, revivedOptions, type PlannerData } from '../planner/data.js';
import type { Tailoring } from '../plan/tailoring.js';

/** The deck options a facilitator may choose on the page; the rest are the build's. */
export type DeckChoices = Partial<Pick<BuildOptions, 'paper' | 'card' | 'cardSizeName' | 'duplex' | 'backs' | 'deckParts'>>;

export interface Planner {
  loc: Localization;
  options: BuildOptions;
  guide(tailoring: Tailoring): Promise<Uint8Array>;
  /**
   * Makes a guide for a sample meeting once and throws it away, while the facilitator types:
   * the code (the group tables' and the clock's too) is compiled, the fonts parsed, the words
   * shaped, the unchanged blocks measured and the font subsets compressed before the first
   * press, so that press does only what its numbers change. The PDFs do not change.
   */
  warmUp(): Promise<void>;
  deck(choices: DeckChoices): Promise<Uint8Array>;
  /** The meeting's print pack on card stock: each group's cards, as `--groups` makes it. */
  pack(tailoring: Tailoring): Promise<Uint8Array>;
  /** The meeting's print pack on paper: the run sheet, each group's worksheets and the handouts, as `--groups` makes it. */
  paper(tailoring: Tailoring): Promise<Uint8Array>;
}

/** A meeting with every number a facilitator may give, for warmUp: 12 people in 3 groups from 09:00, 5 minutes' break. */
const SAMPLE_MEETING: Tailoring = { participants: 12, groups: 3, start: 9 * 60, breakMinutes: 5 };

/** A language's data as write-data.ts's dataScript packs it: JSON, deflated, in base64. */
export function unpackData(packed: string): PlannerData {
  return JSON.parse(new TextDecoder().decode(inflate(Buffer.from(packed, 'base64')))) as PlannerData;
}

/**
 * The planner of one language, from the data the build embedded and the fonts (deflated, in base64:
 * write-data.ts's fontsScript).
 * The guide and the deck are composed and rendered by renderPdfs, as in a build.
 */
export function planner(data: PlannerData, fonts: Record<string, string>): Planner {
  const bytes = Object.fromEntries(Object.entries(fonts).map(([name, b64]) => [name, Buffer.from(inflate(Buffer.from(b64, 'base64')))]));
  provideHostData({ fonts: bytes, layouts: data.layouts, hyphenation: data.hyphenation });
  // The build that embedded the data checked every string against the fonts.
  const loc = localizeWith(revivedKit(data.kit), data.language, data.texts, UNCHECKED);
  const options = revivedOptions(data.options);
  // One PDF at a time: a press during the warm-up waits for it, and then finds everything ready.
  let last: Promise<unknown> = Promise.resolve();
  const one = (family: Family, file: string, opts: BuildOptions): Promise<Uint8Array> => {
    const made = last.then(async () => {
      const [doc] = await renderPdfs(family, loc, opts, new Set([file]));
      return new Uint8Array(doc!.pdf);
    });
    last = made.catch(() => {});
    return made;
  };
  return {
    loc,
    options,
    guide: (tailoring) => one(guide, GUIDE_FILE, { ...options, tailoring }),
    deck: (choices) => one(cards, DECK_FILE, { ...options, ...choices }),
    pack: (tailoring) => one(pack, PACK_CARDS_FILE, { ...options, tailoring }),
    paper: (tailoring) => one(pack, PACK_PAPER_FILE, { ...options, tailoring }),
    warmUp: async () => {
      await one(guide, GUIDE_FILE, { ...options, tailoring: SAMPLE_MEETING });
    },
  };
}
