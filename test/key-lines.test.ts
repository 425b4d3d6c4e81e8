import { describe, expect, it } from 'vitest';
import { keyLines } from '../src/i18n/key-lines.js';

// A translator's warnings and errors name the line of the key they are about; these are the lines.

describe('where a translation file writes its keys', () => {
  const text = [
    '\uFEFF{',
    '  "deck": {',
    '    "subject_one": "{{count}} question, \\"quoted\\", {braces} and [brackets]",',
    '    "nested": { "deeper": "x" },',
    '    "subject_one": "written twice"',
    '  },',
    '  "list": [ { "not": "a key of ours" }, "text" ],',
    '  "\\u00e6ble": "apple", "": "empty key", "after": "y"',
    '}',
  ].join('\n');
  const found = keyLines(text);

  it('gives each key, dotted through its groups, its line; a key written twice its last line', () => {
    expect(Object.fromEntries(found.lines)).toEqual({
      deck: 2,
      'deck.subject_one': 5,
      'deck.nested': 4,
      'deck.nested.deeper': 4,
      list: 7,
      'æble': 8,
      '': 8,
      after: 8,
    });
  });

  it('names a key written twice with both lines', () => {
    expect(found.duplicates).toEqual([{ key: 'deck.subject_one', line: 5, first: 3 }]);
  });

  it('reads a file that is one list, or empty, as having no keys', () => {
    expect(keyLines('[{"a": "b"}]').lines.size).toBe(0);
    expect(keyLines('{}').lines.size).toBe(0);
  });
});
