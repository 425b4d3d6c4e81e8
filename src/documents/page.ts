import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../i18n/translator.js';
import { PAPER, type Size } from '../print/paper.js';
import { mm } from '../print/units.js';
import type { PdfRequest } from '../render/render.js';
import { END_SIDE } from '../render/mirror-layout.js';
import type { BuildOptions } from './family.js';

/** Margins of a flowing A4/Letter document, in millimetres: room for header and footer. */
export const FLOW_MARGINS: [number, number, number, number] = [22, 18, 20, 18];

export interface FlowSpec {
  /** Running header text (at the start side); the kit title stands at the end side. Omit for no header; null for none on that page. */
  runningHead?: string | ((page: number) => string | null);
  content: Content[];
  /** Defaults to the build's paper. */
  paper?: Size;
  margins?: [number, number, number, number];
  /** Whose words the pages carry (see attribution.ts): one line for the document, or one per page; null for no footer on that page. */
  attribution: string | ((page: number) => string | null);
}

/**
 * Page setup for flowing documents (worksheets, sheets, guide, handout): running header,
 * and a footer saying whose words the page carries and "Side x af y" in the build language.
 */
export function flowPages(loc: Localization, options: BuildOptions, spec: FlowSpec): Omit<PdfRequest, 'meta'> {
  const paper = spec.paper ?? PAPER[options.paper];
  const margins = spec.margins ?? FLOW_MARGINS;
  const [top, right, bottom, left] = margins;
  const line = spec.attribution;
  const head = spec.runningHead;
  const kitTitle = loc.kit.meta.title;
  const small = { fontSize: 7.5, color: '#555555' };
  return {
    page: { width: paper.width, height: paper.height, margins },
    content: spec.content,
    header: head
      ? (page: number) => {
          const text = typeof head === 'string' ? head : head(page);
          if (text === null) return null;
          return {
            columns: [
              { text, ...small, bold: true },
              { text: kitTitle, ...small, alignment: END_SIDE },
            ],
            // Header and footer sit 10–12 mm from the paper's edge: inside every office printer's printable area.
            margin: [mm(left), mm(10), mm(right), 0],
          };
        }
      : undefined,
    footer: (page: number, pages: number) => {
      const source = typeof line === 'string' ? line : line(page);
      if (source === null) return null;
      return {
        columns: [
          { text: footerSource(loc, options, source), ...small },
          { text: loc.t('document.page', { page, count: pages }), ...small, alignment: END_SIDE, width: 'auto' as const },
        ],
        // The source line takes what the page number leaves, so a long organisation name wraps only when it must.
        columnGap: mm(6),
        margin: [mm(left), mm(bottom - 12), mm(right), 0],
      };
    },
  };
}

/** The footer's line of whose words these are, led by the publishing organisation when the config names one. */
export function footerSource(loc: Localization, options: BuildOptions, source: string): string {
  const organisation = options.branding?.organisation;
  return organisation ? loc.t('branding.footer', { organisation, source }) : source;
}
