// What the planner's script (bundle/planner.js) has in place of pdfmake's SVG drawing and of
// xmldoc (scripts/bundle.mjs): 90 kB that only a guide with an SVG logo runs. Each reaches the
// real one in bundle/planner-svg.js (svg.ts), which such a page loads before this script.

/** What planner-svg.js hands over. */
export interface SvgDrawing {
  svgToPdfkit(doc: unknown, svg: unknown, x: number, y: number, options: unknown): void;
  XmlDocument: new (text: string) => object;
}

function drawing(): SvgDrawing {
  const loaded = (globalThis as { kernekitSvg?: SvgDrawing }).kernekitSvg;
  if (!loaded) throw new Error('this planner page draws no SVG: its build had no SVG logo, so it does not load planner-svg.js');
  return loaded;
}

/** pdfmake's svg-to-pdfkit, as its renderer calls it. */
export default (doc: unknown, svg: unknown, x: number, y: number, options: unknown): void => drawing().svgToPdfkit(doc, svg, x, y, options);

/** xmldoc's document, as pdfmake's SVG measuring makes one. */
export class XmlDocument {
  constructor(text: string) {
    return new (drawing().XmlDocument)(text);
  }
}
