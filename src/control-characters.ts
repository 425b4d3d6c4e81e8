/**
 * Control characters (NUL, the escape that starts a terminal's colour and cursor sequences,
 * and the rest of C0 and C1) and surrogates that are not half of a pair: never drawn, they
 * would land raw in the PDFs, web pages and zip, and a terminal acts on an escape sequence
 * instead of showing it. A tab and a line break are ordinary text.
 */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** The first control character in `text` as U+XXXX, or undefined when it has none. */
export function controlCharacter(text: string): string | undefined {
  const m = CONTROL.exec(text);
  return m ? codePoint(m[0]) : undefined;
}

/** What the user reads about `character` (U+XXXX), wherever kernekit refuses one. */
export function controlCharacterAdvice(character: string): string {
  const what = /^U\+D[89A-F]/.test(character) ? `half a character (the lone surrogate ${character}), from a broken copy or a wrong \\u escape` : `the invisible control character ${character}, often pasted from a terminal or a binary file`;
  return `The text holds ${what}; it cannot be printed. Delete it.`;
}

/** `text` safe to print to a terminal: each control character written as \u{XX}, line breaks and tabs kept. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
