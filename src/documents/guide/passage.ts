import type { Item } from '../../content/model.js';

/** A paragraph or list item, marked when it is Fremfærd's own words. */
export interface Passage {
  text: string;
  seed: boolean;
}

export function passage(item: Item): Passage {
  return { text: item.text, seed: item.origin === 'seed' };
}
