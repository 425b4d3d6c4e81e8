import type { Rect } from '../../print/imposition.js';

/**
 * The 360° wheel as pure geometry, in millimetres from the top left of the wheel's square:
 * a round hub and a ring cut into equal sectors. Angles are radians measured clockwise from
 * 3 o'clock, as on a page whose y axis points down.
 */

export interface Point {
  x: number;
  y: number;
}

export interface WheelSpec {
  /** Diameter of the whole wheel. */
  diameter: number;
  /** Radius of the hub as a fraction of the wheel's radius. */
  hub: number;
  /** White space between neighbouring sectors and between the hub and the ring. */
  gap: number;
  /** Space between a label box and its sector's edges. */
  padding: number;
  /** The height a label needs: among boxes at least this tall, the widest wins. */
  labelHeight: number;
  /** Number of sectors around the hub. */
  count: number;
  /** Where the middle of the first sector points; the rest follow clockwise. */
  firstAngle: number;
}

export interface Sector {
  /** The full slice of the circle this sector stands for; neighbours share their edges. */
  start: number;
  end: number;
  /** The coloured shape: the slice between `inner` and `outer`, minus half the gap on each side. */
  inner: number;
  outer: number;
  outline: Point[];
  /** Where the label's text goes: an upright box inside the coloured shape. */
  label: Rect;
}

export interface Wheel {
  diameter: number;
  centre: Point;
  hubRadius: number;
  hubLabel: Rect;
  sectors: Sector[];
}

/** Arc resolution of the outlines: fine enough that chords and arc differ by < 0.01 mm. */
const ARC_STEP = (2 * Math.PI) / 360;

/** Wheels already worked out in this process: the search for label boxes is the slow part, and every language draws the same wheels. */
const wheels = new Map<string, Wheel>();

export function wheelGeometry(spec: WheelSpec): Wheel {
  const key = JSON.stringify(spec);
  let wheel = wheels.get(key);
  if (!wheel) wheels.set(key, (wheel = computeWheel(spec)));
  return structuredClone(wheel);
}

/**
 * The wheel seen in a mirror, for a right-to-left reader: the first sector at 1–2 o'clock
 * where it was at 10–11, and the rest following counter-clockwise, so the first two read
 * right to left across the top. The labels' boxes stay upright, mirrored as wholes.
 */
export function mirroredWheel(wheel: Wheel): Wheel {
  const x = (p: Point) => ({ x: wheel.diameter - p.x, y: p.y });
  const box = (r: Rect) => ({ ...r, x: wheel.diameter - r.x - r.width });
  return {
    ...wheel,
    hubLabel: box(wheel.hubLabel),
    sectors: wheel.sectors.map((s) => ({ ...s, start: Math.PI - s.end, end: Math.PI - s.start, outline: s.outline.map(x).reverse(), label: box(s.label) })),
  };
}

function computeWheel(spec: WheelSpec): Wheel {
  const radius = spec.diameter / 2;
  const centre = { x: radius, y: radius };
  const hubRadius = radius * spec.hub;
  const span = (2 * Math.PI) / spec.count;
  const sectors: Sector[] = [];
  for (let i = 0; i < spec.count; i++) {
    const start = spec.firstAngle - span / 2 + i * span;
    const end = start + span;
    const edges: Shape['edges'] = [Math.sin(start), Math.cos(start), Math.sin(end), Math.cos(end)];
    const shape: Shape = { start, end, inner: hubRadius + spec.gap, outer: radius, halfGap: spec.gap / 2, edges };
    sectors.push({
      start,
      end,
      inner: shape.inner,
      outer: shape.outer,
      outline: outline(shape).map((p) => ({ x: p.x + centre.x, y: p.y + centre.y })),
      label: translate(labelBox(shape, spec.padding, spec.labelHeight), centre),
    });
  }
  // The largest square inside the hub's circle, less the padding.
  const side = Math.SQRT2 * (hubRadius - spec.padding);
  const hubLabel = { x: centre.x - side / 2, y: centre.y - side / 2, width: side, height: side };
  return { diameter: spec.diameter, centre, hubRadius, hubLabel, sectors };
}

/** A sector's coloured shape relative to the wheel's centre. */
interface Shape {
  start: number;
  end: number;
  inner: number;
  outer: number;
  /** Each straight edge lies this far inside the slice's boundary ray. */
  halfGap: number;
  /** Sine and cosine of `start` and of `end`, which the box test needs for every corner. */
  edges: [number, number, number, number];
}

function outline(s: Shape): Point[] {
  // A straight edge at distance h from a boundary ray meets a circle of radius r at an angle asin(h/r) inside the slice.
  const arc = (r: number, from: number, to: number): Point[] => {
    const steps = Math.max(1, Math.ceil(Math.abs(to - from) / ARC_STEP));
    return Array.from({ length: steps + 1 }, (_, k) => polar(r, from + ((to - from) * k) / steps));
  };
  const outerTrim = Math.asin(s.halfGap / s.outer);
  const innerTrim = Math.asin(s.halfGap / s.inner);
  return [...arc(s.outer, s.start + outerTrim, s.end - outerTrim), ...arc(s.inner, s.end - innerTrim, s.start + innerTrim)];
}

/**
 * Whether a box (relative to the centre) lies inside the shape with `pad` to spare on every
 * side. The label search calls this some 50,000 times per sector, so it builds no corner list.
 */
function boxInShape({ x, y, width, height }: Rect, s: Shape, pad: number): boolean {
  // Slice and outer disc are convex (a slice narrower than a half circle), so the corners decide.
  for (let corner = 0; corner < 4; corner++) {
    const cx = corner & 1 ? x + width : x;
    const cy = corner & 2 ? y + height : y;
    // Signed distances from the two edge rays, positive on their clockwise side.
    if (-cx * s.edges[0] + cy * s.edges[1] < s.halfGap + pad) return false;
    if (-(-cx * s.edges[2] + cy * s.edges[3]) < s.halfGap + pad) return false;
    if (Math.hypot(cx, cy) > s.outer - pad) return false;
  }
  // The hub is a hole: the box's nearest point to the centre must stay outside it.
  const nx = Math.min(Math.max(0, x), x + width);
  const ny = Math.min(Math.max(0, y), y + height);
  return Math.hypot(nx, ny) >= s.inner + pad;
}

/** Width-to-height ratios tried for a label box. */
const ASPECTS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4];

/**
 * An upright box for a sector's label, searched over centres across the sector and over
 * shapes: a label is a few short lines, so width matters most once the box is tall enough
 * for them. A box centred on the centroid alone would waste the wide outer part of a
 * slanted sector. Where no box is tall enough, the largest one wins.
 */
function labelBox(s: Shape, pad: number, minHeight: number): Rect {
  let best: Rect | undefined;
  let largest: Rect = { x: 0, y: 0, width: 0, height: 0 };
  const mid = (s.start + s.end) / 2;
  const half = (s.end - s.start) / 2;
  for (let ri = 1; ri < 16; ri++) {
    const r = s.inner + ((s.outer - s.inner) * ri) / 16;
    for (let ai = -6; ai <= 6; ai++) {
      const c = polar(r, mid + (half * ai) / 7);
      for (const aspect of ASPECTS) {
        const box = (h: number): Rect => ({ x: c.x - (h * aspect) / 2, y: c.y - h / 2, width: h * aspect, height: h });
        let lo = 0;
        let hi = s.outer;
        for (let k = 0; k < 30; k++) {
          const h = (lo + hi) / 2;
          if (boxInShape(box(h), s, pad)) lo = h;
          else hi = h;
        }
        const found = box(lo);
        if (found.width * found.height > largest.width * largest.height) largest = found;
        if (found.height >= minHeight && (!best || found.width > best.width)) best = found;
      }
    }
  }
  return best ?? largest;
}

function polar(r: number, angle: number): Point {
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}

function translate(r: Rect, by: Point): Rect {
  return { ...r, x: r.x + by.x, y: r.y + by.y };
}
