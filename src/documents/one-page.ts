import type { Content } from 'pdfmake/interfaces.js';
import { FitError } from '../errors.js';
import type { Localization } from '../i18n/translator.js';
import { PAPER } from '../print/paper.js';
import { mm } from '../print/units.js';
import { fitBoxes } from '../render/fit.js';
import { layoutPageCount } from '../render/pdfmake.js';
import type { BuildOptions } from './family.js';
import { FLOW_MARGINS } from './page.js';

/** A layout that fills one page: its type sizes and the smallest they may shrink to. */
export interface FittedLayout {
  fontSize: number;
  minFontSize: number;
  content: Content[];
}

/** Slack under a one-page layout's fitted text, so rounding in pdfmake never pushes it onto a second page. */
const PAGE_SLACK_MM = 2;

/**
 * The layout's content shrunk, if it must be, to fit the text area of one page of `document`.
 * When even its smallest type cannot (a run sheet of a kit with very many steps) and it
 * `flows`, it runs over pages at that size instead of stopping the build: a run sheet of two
 * pages still serves. `pages` says how many it takes, as pdfmake lays it out.
 */
export function onePage(id: string, layout: FittedLayout, document: string, loc: Localization, options: BuildOptions, flows = false): { content: Content[]; pages: number } {
  const paper = PAPER[options.paper];
  const [top, right, bottom, left] = FLOW_MARGINS;
  const box = { id, width: mm(paper.width - left - right), height: mm(paper.height - top - bottom - PAGE_SLACK_MM), ...layout };
  try {
    return { content: fitBoxes([box], document, loc.language).get(id)!.content, pages: 1 };
  } catch (err) {
    if (!flows || !(err instanceof FitError)) throw err;
    const content: Content[] = [{ stack: layout.content, fontSize: layout.minFontSize }];
    return { content, pages: layoutPageCount(content, paper, FLOW_MARGINS) };
  }
}
