/**
 * pdfmake's style stack, as kernekit's documents use it (the layouts name styles, and a box's
 * text carries its own size and weight): where pdfmake looks up one property of one word it
 * pushes the word's styles and the word itself onto the stack, walks the stack from the top
 * making a closure and a set for every named style it meets, and pops again. A card's text is
 * some 20 properties for each word, and that walk was a tenth of laying out a deck.
 *
 * The lookups here give the same answers without pushing or allocating (test/style-lookup.test.ts
 * holds them to pdfmake's own): the word's own value first, then its named styles from the
 * last, then the stack from the top, then the default style; a named style's `extends` is
 * followed as pdfmake follows it, each style visited once.
 */

type Style = Record<string, unknown> & { extends?: string | string[] };
type Override = string | Record<string, unknown>;

interface Stack {
  styleDictionary: Record<string, Style | undefined>;
  styleOverrides: Override[];
  defaultStyle?: Record<string, unknown>;
  getProperty(property: string): unknown;
}

export interface StyleContextStackClass {
  prototype: Stack;
  getStyleProperty(item: unknown, stack: Stack | undefined, property: string, defaultValue: unknown): unknown;
}

const isValue = (v: unknown) => v !== undefined && v !== null;

function styleValue(dictionary: Stack['styleDictionary'], name: string, property: string, visited?: Set<string>): unknown {
  if (visited?.has(name)) return undefined;
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = styleValue(dictionary, parents[i]!, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One stack entry's value: a named style's, or an override object's own. */
const entryValue = (stack: Stack, entry: Override, property: string) => (typeof entry === 'string' ? styleValue(stack.styleDictionary, entry, property) : entry[property]);

function stackValue(stack: Stack, property: string): unknown {
  const overrides = stack.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = entryValue(stack, overrides[i]!, property);
      if (isValue(value)) return value;
    }
  }
  return stack.defaultStyle && stack.defaultStyle[property];
}

export function quickStyleLookup(StyleContextStack: StyleContextStackClass): void {
  StyleContextStack.prototype.getProperty = function (this: Stack, property: string) {
    return stackValue(this, property);
  };
  StyleContextStack.getStyleProperty = (item, stack, property, defaultValue) => {
    const own = item as Record<string, unknown> & { style?: Override | Override[]; section?: unknown };
    if (isValue(own[property])) return own[property];
    if (!stack) return defaultValue;
    // What pdfmake's autopush would have put on top of the stack: the item's named styles (a string or a section pushes nothing).
    if (typeof item !== 'string' && own.section === undefined && own.style) {
      const names = Array.isArray(own.style) ? own.style : [own.style];
      for (let i = names.length - 1; i >= 0; i--) {
        const value = entryValue(stack, names[i]!, property);
        if (isValue(value)) return value;
      }
    }
    const value = stackValue(stack, property);
    return isValue(value) ? value : defaultValue;
  };
}
