import type { DocumentFamily } from '../content/model.js';
import { cards } from './cards/index.js';
import type { Family } from './family.js';

/** Every document family, in the order a build writes them. A new family is one line here. */
export const FAMILIES: Family[] = [cards];

export function familyIds(): DocumentFamily[] {
  return FAMILIES.map((f) => f.id);
}
