import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { quickStyleLookup, type StyleContextStackClass } from '../src/render/style-lookup.js';

// kernekit looks pdfmake's styles up its own, quicker way (src/render/style-lookup.ts); every
// answer must be pdfmake's own, or a PDF would change.

type Stack = { push(style: unknown): void; pop(n?: number): void };
const StyleContextStack = (createRequire(import.meta.url)('pdfmake/js/StyleContextStack') as { default: StyleContextStackClass & (new (dictionary: object, defaultStyle: object) => Stack) }).default;

const dictionary = {
  base: { fontSize: 9, color: 'black' },
  heading: { extends: 'base', bold: true, fontSize: 12 },
  label: { extends: ['heading', 'base'], italics: true, color: null },
  loopA: { extends: 'loopB', margin: 1 },
  loopB: { extends: 'loopA' },
  empty: {},
};
const defaultStyle = { font: 'SourceSans3', fontSize: 10, lineHeight: 1.15 };
const PROPERTIES = ['font', 'fontSize', 'bold', 'italics', 'color', 'lineHeight', 'margin', 'alignment', 'noWrap'];
const STACKS: unknown[][] = [[], ['base'], ['heading', { color: 'red' }], ['label', { fontSize: 7, bold: false }, 'loopA'], ['missing', { italics: null }, 'empty']];
const ITEMS: unknown[] = [
  'a word',
  { text: 'x' },
  { text: 'x', fontSize: 11 },
  { text: 'x', style: 'label' },
  { text: 'x', style: ['heading', 'missing', 'loopB'] },
  { text: 'x', style: ['heading', 'base'] },
  { text: 'x', style: ['base', { bold: true }], color: undefined },
  { text: 'x', style: 'heading', section: true },
  { text: 'x', bold: null, style: 'heading' },
];

/** Every property of every item on every stack, with a default or without. */
function answers(): unknown[] {
  const out: unknown[] = [];
  for (const styles of STACKS) {
    const stack = new StyleContextStack(dictionary, defaultStyle);
    for (const s of styles) stack.push(s);
    for (const item of ITEMS) for (const property of PROPERTIES) for (const fallback of [undefined, 'default']) out.push(StyleContextStack.getStyleProperty(item, stack as never, property, fallback));
    for (const property of PROPERTIES) out.push((stack as unknown as { getProperty(p: string): unknown }).getProperty(property));
  }
  for (const property of PROPERTIES) out.push(StyleContextStack.getStyleProperty({ text: 'x' }, undefined, property, 'none'));
  return out;
}

describe('style lookup', () => {
  it("gives pdfmake's own answer for every property, item and stack: named styles, extends chains and loops, overrides, nulls, defaults", () => {
    const getStyleProperty = StyleContextStack.getStyleProperty;
    const getProperty = StyleContextStack.prototype.getProperty;
    const before = answers();
    try {
      quickStyleLookup(StyleContextStack);
      expect(StyleContextStack.getStyleProperty).not.toBe(getStyleProperty);
      expect(answers()).toEqual(before);
    } finally {
      StyleContextStack.getStyleProperty = getStyleProperty;
      StyleContextStack.prototype.getProperty = getProperty;
    }
    // The cases are not all alike: the answers differ among themselves.
    expect(new Set(before.map((a) => JSON.stringify(a ?? null))).size).toBeGreaterThan(8);
  });
});
