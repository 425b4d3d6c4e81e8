import { actors } from './actors/index.js';
import { cards } from './cards/index.js';
import { guide } from './guide/index.js';
import { handout } from './handout/index.js';
import { pack } from './pack/index.js';
import { poster } from './poster/index.js';
import type { Family } from './family.js';
import { worksheets } from './worksheets/index.js';

/** Every document family, in the order a build writes them. A new family is one line here. */
export const FAMILIES: Family[] = [cards, worksheets, actors, poster, guide, handout, pack];
