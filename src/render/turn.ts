import type { Content } from 'pdfmake/interfaces.js';
import { mm } from '../print/units.js';

// pdfmake cannot turn content. kernekit marks where a turn begins and ends with two vector
// types of its own, which pdfmake lays out as nothing and which the patched renderer
// (see pdfmake.ts) turns into a saved, rotated and restored graphics state.

export const TURN_BEGIN = 'kernekit-turn';
export const TURN_END = 'kernekit-turn-end';

export interface TurnBegin {
  type: typeof TURN_BEGIN;
  /** Degrees, clockwise as seen on the page. */
  angle: number;
  /** The point turned about, in points from the page's top left. */
  x: number;
  y: number;
}

/** `nodes` drawn turned by `angle` degrees clockwise about `origin` (millimetres from the page's top left). */
export function turned(angle: number, origin: { x: number; y: number }, nodes: Content[]): Content[] {
  const marker = (vector: object): Content => ({ canvas: [vector], absolutePosition: { x: 0, y: 0 } }) as Content;
  const begin: TurnBegin = { type: TURN_BEGIN, angle, x: mm(origin.x), y: mm(origin.y) };
  return [marker(begin), ...nodes, marker({ type: TURN_END })];
}
