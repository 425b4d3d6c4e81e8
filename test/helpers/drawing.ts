import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PT_PER_MM } from '../../src/print/units.js';

/** A stroked straight segment as shown on the page (after /Rotate), millimetres from the top left. */
export interface Stroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Line width, millimetres. */
  width: number;
}

/** The bounding box of a filled shape as shown, millimetres from the top left. */
export interface Fill {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageDrawing {
  /** As shown, millimetres. */
  width: number;
  height: number;
  strokes: Stroke[];
  fills: Fill[];
}

type Matrix = [number, number, number, number, number, number];

/**
 * The vector drawing of every page, read back from the PDF's content streams: each stroked
 * line and each filled shape, with the page's transformations and /Rotate applied, so a test
 * sees the lines where a person holding the printed sheet sees them.
 */
export async function readDrawing(bytes: Buffer): Promise<PageDrawing[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PageDrawing[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const shown = (m: Matrix, x: number, y: number): [number, number] => {
      const [vx, vy] = viewport.convertToViewportPoint(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
      return [vx! / PT_PER_MM, vy! / PT_PER_MM];
    };
    const list = await page.getOperatorList();
    const strokes: Stroke[] = [];
    const fills: Fill[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let lineWidth = 1;
    const stack: Array<{ ctm: Matrix; lineWidth: number }> = [];
    for (let i = 0; i < list.fnArray.length; i++) {
      const fn = list.fnArray[i];
      const args = list.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push({ ctm, lineWidth });
      else if (fn === OPS.restore) ({ ctm, lineWidth } = stack.pop() ?? { ctm, lineWidth });
      else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
      else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
      else if (fn === OPS.constructPath) {
        const [paint, [data]] = args as [number, [Float32Array | null]];
        if (!data) continue;
        const points = pathPoints(data);
        if (paint === OPS.stroke) {
          const scale = Math.hypot(ctm[0], ctm[1]);
          for (const segment of points) {
            for (let k = 1; k < segment.length; k++) {
              const [x1, y1] = shown(ctm, ...segment[k - 1]!);
              const [x2, y2] = shown(ctm, ...segment[k]!);
              strokes.push({ x1, y1, x2, y2, width: (lineWidth * scale) / PT_PER_MM });
            }
          }
        } else if (paint === OPS.fill || paint === OPS.eoFill) {
          const all = points.flat().map(([x, y]) => shown(ctm, x, y));
          if (all.length === 0) continue;
          const xs = all.map((p) => p[0]);
          const ys = all.map((p) => p[1]);
          fills.push({ x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
        }
      }
    }
    pages.push({ width: viewport.width / PT_PER_MM, height: viewport.height / PT_PER_MM, strokes, fills });
  }
  await doc.destroy();
  return pages;
}

/** pdf.js path data: 0 x y = move, 1 x y = line, 2 x1 y1 x2 y2 x y = curve (its end point kept), 4 = close. */
function pathPoints(data: Float32Array): Array<Array<[number, number]>> {
  const segments: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      if (current.length) segments.push(current);
      current = [[data[i + 1]!, data[i + 2]!]];
      i += 3;
    } else if (op === 1) {
      current.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === 2) {
      current.push([data[i + 5]!, data[i + 6]!]);
      i += 7;
    } else if (op === 3) {
      current.push([data[i + 3]!, data[i + 4]!]);
      i += 5;
    } else {
      if (current.length) current.push(current[0]!);
      i += 1;
    }
  }
  if (current.length) segments.push(current);
  return segments;
}

/** `m` applied first, then `n` (PDF's order for `cm`). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}
