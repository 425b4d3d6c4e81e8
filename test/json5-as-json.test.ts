import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { parseJson5 } from '../src/layout/json5-as-json.js';

// Layout output is read by parseJson5, which must give what the json5 package gives, value
// for value (the layouts' own output is compared in bundle-caches.test.ts, PDF for PDF).

const SAME = [
  `{ a: 1, 'b': "two", c: [1, 2, 3,], }`,
  `// a comment\n{ /* block, ] } */ key: 'it''s' }`.replace("'it''s'", `'say "hi"'`),
  `{ text: "a, ] and } and // not a comment", n: -0.5e3 }`,
  `{ list: [ { x: 1 }, // trailing\n ], }`,
  `{ list: [ 1, /* c */ \n ] }`,
  `{ s: 'tab\\there', t: "x\\'y", u: "\\x41\\u00e6", v: 'line\\\ncontinued' }`,
  `{ h: 0x1F, p: +3, d: .5, e: 5., i: Infinity, n: NaN }`,
  `{ $key_1: true, _k: null, "quoted key": false }`,
  `[ 'a', "b", ]`,
  `{ raw: "\u2028", nbsp:\u00a01 }`,
  `"just a string"`,
];

const NOT_JSON5 = [`{ color: red }`, `{ a: 1 b: 2 }`, `{ a: 'unclosed }`, `{ a: [1, 2 }`, `{ ,a: 1 }`, `[ foo: 1 ]`];

describe('parseJson5 reads layout output as the json5 package does', () => {
  it.each(SAME)('the same value: %s', (text) => {
    const expected = JSON5.parse(text);
    const got = parseJson5(text);
    expect(got).toEqual(expected);
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(Object.keys(got as object)).toEqual(Object.keys(expected as object));
  });

  it.each(NOT_JSON5)('the same error, with its line: %s', (text) => {
    const expected = thrownBy(() => JSON5.parse(text)) as Error & { lineNumber?: number };
    expect(thrownBy(() => parseJson5(text))).toMatchObject({ message: expected.message, lineNumber: 1 });
    // Two lines more before it, the error is two lines further down: the line a layout error names.
    expect(expected.lineNumber).toBe(1);
    expect(thrownBy(() => parseJson5(`\n\n${text}`))).toMatchObject({ lineNumber: 3 });
  });
});

/** What `run` throws; the test fails if it throws nothing. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error, and none was thrown');
}
