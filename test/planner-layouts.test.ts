import { describe, expect, it, vi } from 'vitest';
import { buildRequest } from '../src/commands/build-options.js';
import { deckParts } from '../src/content/families.js';
import { loadKit } from '../src/content/load.js';
import { cards } from '../src/documents/cards/index.js';
import type { BuildOptions } from '../src/documents/family.js';
import { guide } from '../src/documents/guide/index.js';
import { pack } from '../src/documents/pack/index.js';
import { buildDate } from '../src/driver/build.js';
import { host } from '../src/host/host.js';
import { localize } from '../src/i18n/translator.js';
import { forgetLayouts } from '../src/layout/layouts.js';
import { PLANNER_LAYOUTS } from '../src/planner/data.js';
import { CARD_PRESETS, PAPER_CHOICES, parseCardSize } from '../src/print/paper.js';
import { CONTENT } from './helpers/content.js';

// The planner page has the layouts of PLANNER_LAYOUTS and no others (a browser has no disk):
// one the guide or the deck reads and the list lacks fails on the page alone, with "the
// layout file is missing", when a facilitator picks the choice that reads it.

describe('the layouts the planner page embeds', () => {
  it('are the ones the guide, the deck and the print pack read, under each choice the page offers', () => {
    const kit = loadKit(CONTENT);
    const loc = localize(kit, CONTENT, 'da');
    const { options: request } = buildRequest({ content: CONTENT, out: 'unused', lang: 'da', duplex: 'long', bleed: 3, imposition: 'sheet' });
    const options: BuildOptions = { ...request, date: buildDate(kit.meta.date) };
    // One choice changed at a time, as the page's form offers them (writers/planner-page.ts).
    const decks: BuildOptions[] = [
      ...(['long', 'short', 'none'] as const).map((duplex) => ({ ...options, duplex })),
      ...(['light', 'full'] as const).map((backs) => ({ ...options, backs })),
      ...PAPER_CHOICES.map((paper) => ({ ...options, paper })),
      ...Object.keys(CARD_PRESETS).map((name) => ({ ...options, card: parseCardSize(name), cardSizeName: name })),
      ...deckParts.map((part) => ({ ...options, deckParts: [part] })),
    ];
    const read = new Set<string>();
    const fromDisk = host.layoutSource;
    vi.spyOn(host, 'layoutSource').mockImplementation((file) => {
      read.add(file);
      return fromDisk(file);
    });
    try {
      // Layouts read before (by another test in this process) are read again.
      forgetLayouts();
      guide.compose(loc, { ...options, tailoring: { participants: 24, groups: 4, start: 13 * 60 } });
      pack.compose(loc, { ...options, tailoring: { participants: 24, groups: 4, start: 13 * 60 } });
      for (const deck of decks) cards.compose(loc, deck);
    } finally {
      vi.restoreAllMocks();
      forgetLayouts();
    }
    expect([...read].sort()).toEqual([...PLANNER_LAYOUTS].sort());
  }, 120_000);
});
