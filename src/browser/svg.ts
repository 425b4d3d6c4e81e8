import svgToPdfkit from 'pdfmake/js/3rd-party/svg-to-pdfkit';
import { XmlDocument } from 'xmldoc';
import type { SvgDrawing } from './svg-apart.js';

// The planner page's SVG drawing (bundle/planner-svg.js): pdfmake's svg-to-pdfkit, which draws
// an SVG, and xmldoc with sax, which read one for its size. The one SVG a planner draws is a
// config's SVG logo on the guide's cover, so only a page whose build has one loads this script
// (planner-page.ts); the planner's own script reaches it through svg-apart.ts.

declare global {
  interface Window {
    kernekitSvg?: SvgDrawing;
  }
}

window.kernekitSvg = { svgToPdfkit: svgToPdfkit.default as SvgDrawing['svgToPdfkit'], XmlDocument: XmlDocument as SvgDrawing['XmlDocument'] };
