import type { Content } from 'pdfmake/interfaces.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import type { BuildOptions } from '../family.js';
import { onePage, type FittedLayout } from '../one-page.js';
import type { RunSheetView } from './run-sheet-view.js';

/**
 * The run sheet laid out on its page of `document`, under a heading of `heading`'s level: a
 * chapter (H2) of the guide, the first heading (H1) of the print pack. `pages` is 1 unless a
 * meeting of very many steps makes it run over.
 */
export function runSheetPages(view: RunSheetView, heading: 'H1' | 'H2', document: string, loc: Localization, options: BuildOptions): { content: Content[]; pages: number } {
  return onePage('run-sheet', runLayout<FittedLayout>('guide-run-sheet.hbs', { ...view, heading }, loc.t), document, loc, options, true);
}
