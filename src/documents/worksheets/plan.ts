import type { Content } from 'pdfmake/interfaces.js';
import type { Exercise } from '../../content/model.js';
import type { Localization } from '../../i18n/translator.js';
import { runLayout } from '../../layout/layouts.js';
import { PAPER, type Size } from '../../print/paper.js';
import { PT_PER_MM, mm } from '../../print/units.js';
import { fitBoxes, type FitBox, type Fitted } from '../../render/fit.js';
import type { BuildOptions } from '../family.js';
import { FLOW_MARGINS } from '../page.js';
import { CENTRE, HEADER, contentArea, inDocument, linesGeometry, mapGeometry, tableColumns, tableGeometry, type LinesSpec, type MapSpec, type SheetGeometry, type TableSpec } from './geometry.js';
import { sheetViews, type SheetView } from './views.js';

interface TextBlock {
  fontSize: number;
  minFontSize: number;
  content: Content[];
}

export interface Stroke {
  /** Points. */
  lineWidth: number;
  colour: string;
}

/** What worksheet.hbs produces for one sheet (distances in millimetres). */
export interface WorksheetLayout {
  orientation: 'portrait' | 'landscape';
  header: TextBlock & { maxHeight: number };
  headerGap: number;
  prompts: Array<TextBlock & { id: string }>;
  promptMaxHeight: number;
  lines: LinesSpec & Stroke;
  map: MapSpec & Stroke & { radius: number; centreLineWidth: number; centre: TextBlock };
  table: TableSpec & Stroke & { headMaxHeight: number; headFill: string; headFillOpacity: number };
  fields: Array<TextBlock & { id: string }>;
}

export interface PlannedSheet {
  view: SheetView;
  layout: WorksheetLayout;
  /** The paper in this sheet's orientation, millimetres. */
  page: Size;
  geometry: SheetGeometry;
  /** Fitted text for every text slot of the geometry, by slot id. */
  texts: Map<string, Fitted>;
}

export interface PlannedExercise {
  exercise: Exercise;
  file: string;
  sheets: PlannedSheet[];
}

export function worksheetFile(exerciseId: string): string {
  return `gruppeark-${exerciseId}.pdf`;
}

/**
 * Every sheet of every exercise, measured and placed: the text blocks fitted, the writing
 * fields computed around them. The family renders this plan; tests check its geometry.
 */
export function planWorksheets(loc: Localization, options: BuildOptions): PlannedExercise[] {
  const plans: PlannedExercise[] = [];
  for (const exercise of loc.kit.exercises) {
    const file = worksheetFile(exercise.id);
    plans.push({ exercise, file, sheets: planExercise(loc, options, exercise, file) });
  }
  return plans;
}

function planExercise(loc: Localization, options: BuildOptions, exercise: Exercise, file: string): PlannedSheet[] {
  return planSheets(loc, options, sheetViews(loc, exercise), file);
}

/** The given sheets measured and placed, for `file` (named in a message when a text does not fit). */
export function planSheets(loc: Localization, options: BuildOptions, views: readonly SheetView[], file: string): PlannedSheet[] {
  const drafts = views.map((view) => sheetLayout(loc, view, PAPER[options.paper]));

  // First the blocks whose height decides where the fields go, then the map's labels inside its fields.
  const key = (sheet: SheetView, slot: string) => `${sheet.id} ${slot}`;
  const measured = fitBoxes(
    drafts.flatMap(({ view, layout, area }) => [
      box(key(view, HEADER), area.width, layout.header.maxHeight, layout.header),
      ...(view.layout === 'lines' ? layout.prompts.map((p) => box(key(view, p.id), area.width, layout.promptMaxHeight, p)) : []),
      ...(view.layout === 'table'
        ? tableColumns(area, layout.fields.length, layout.table).map((column, i) =>
            box(key(view, layout.fields[i]!.id), column.width - 2 * layout.table.padding, layout.table.headMaxHeight, layout.fields[i]!),
          )
        : []),
    ]),
    file,
    loc.language,
  );
  const heightOf = (sheet: SheetView, slot: string) => measured.get(key(sheet, slot))!.height / PT_PER_MM;

  const placed = drafts.map((d) => {
    const { view, layout, area } = d;
    const header = heightOf(view, HEADER);
    const geometry = inDocument(file, loc.language, () =>
      view.layout === 'lines'
        ? linesGeometry(view.id, area, header, layout.headerGap, view.prompts.map((p) => ({ id: p.id, height: heightOf(view, p.id) })), layout.lines)
        : view.layout === 'map'
          ? mapGeometry(view.id, area, header, layout.headerGap, view.fields.map((f) => f.id), layout.map)
          : tableGeometry(view.id, area, header, layout.headerGap, view.fields.map((f) => ({ id: f.id, height: heightOf(view, f.id) })), layout.table),
    );
    return { ...d, geometry };
  });

  const labels = fitBoxes(
    placed.flatMap(({ view, layout, geometry }) =>
      geometry.texts
        .filter((slot) => !measured.has(key(view, slot.id)))
        .map((slot) => box(key(view, slot.id), slot.rect.width, slot.rect.height, slot.id === CENTRE ? layout.map.centre : layout.fields.find((f) => f.id === slot.id)!)),
    ),
    file,
    loc.language,
  );

  return placed.map(({ view, layout, page, geometry }) => ({
    view,
    layout,
    page,
    geometry,
    texts: new Map(geometry.texts.map((slot) => [slot.id, (measured.get(key(view, slot.id)) ?? labels.get(key(view, slot.id)))!])),
  }));
}

function sheetLayout(loc: Localization, view: SheetView, paper: Size) {
  const layout = runLayout<WorksheetLayout>('worksheet.hbs', { sheet: view }, loc.t);
  const page = layout.orientation === 'landscape' ? { width: paper.height, height: paper.width } : { width: paper.width, height: paper.height };
  return { view, layout, page, area: contentArea(page, FLOW_MARGINS) };
}

/** A fit box of `width` × `height` millimetres. */
function box(id: string, width: number, height: number, block: TextBlock): FitBox {
  return { id, width: mm(width), height: mm(height), content: block.content, fontSize: block.fontSize, minFontSize: block.minFontSize };
}
