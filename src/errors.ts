/**
 * Errors a user can act on, besides content problems (content/problems.ts). Kept apart from
 * the modules that throw them, so the CLI can recognise them without loading the renderer.
 */

/** A layout that broke: names the template file and line, never a stack trace into Handlebars. */
export class LayoutError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`layouts/${file}:${line}: ${reason}`);
    this.name = 'LayoutError';
  }
}

/** A text that does not fit its card or box even at the smallest readable size. */
export class FitError extends Error {
  constructor(
    readonly document: string,
    readonly boxId: string,
    readonly language: string,
    readonly excerpt: string,
    readonly minFontSize: number,
  ) {
    super(
      `${document} (${language}): the text of "${boxId}" does not fit its box even at ${minFontSize} pt: "${excerpt}". Shorten the text (on cards, a larger --card-size also helps).`,
    );
    this.name = 'FitError';
  }
}

/**
 * A page whose texts leave too little room for what it must hold besides them (writing lines,
 * a table row, the map). Thrown by the sheet geometry with the sheet alone; the document that
 * lays the page out says which file and language with inDocument().
 */
export class SheetSpaceError extends Error {
  constructor(
    readonly sheet: string,
    readonly reason: string,
    readonly where?: { document: string; language: string },
  ) {
    super(
      where
        ? `${where.document} (${where.language}): the page for "${sheet}": ${reason} Shorten its texts in this language; on Letter paper, A4's longer page (--paper a4) may hold them.`
        : `the page for "${sheet}": ${reason}`,
    );
    this.name = 'SheetSpaceError';
  }

  inDocument(document: string, language: string): SheetSpaceError {
    return new SheetSpaceError(this.sheet, this.reason, { document, language });
  }
}

/** A poster page that cannot hold the wheel and a cell beside it for each actor. */
export class PosterSpaceError extends Error {
  constructor(reason: string) {
    super(`poster: ${reason}`);
    this.name = 'PosterSpaceError';
  }
}

/** `--strict` or `--fail-on missing,stale`: per language, keys that would print in Danish, and keys whose Danish changed since translation. */
export class TranslationError extends Error {
  constructor(
    readonly missing: Map<string, string[]>,
    readonly stale: Map<string, string[]> = new Map(),
  ) {
    const lines = (what: string, byLanguage: Map<string, string[]>) =>
      [...byLanguage].map(([lang, keys]) => `${lang}: ${keys.length} ${what} key${keys.length === 1 ? '' : 's'}: ${keys.join(', ')}`);
    const advice = [
      missing.size > 0 ? 'Translate the untranslated keys (kernekit i18n extract --lang <lang> adds them to the files), or build without --strict to print them in Danish.' : '',
      stale.size > 0 ? 'Check the stale translations against the new Danish and edit them (any edit clears "stale").' : '',
    ];
    super([...lines('untranslated', missing), ...lines('stale', stale), ...advice.filter(Boolean)].join('\n'));
    this.name = 'TranslationError';
  }
}

/**
 * The library that draws the index page's thumbnails (@napi-rs/canvas, a prebuilt binary per
 * platform) could not load, e.g. after `npm install --omit=optional`. The PDFs do not need
 * it: a build goes on without thumbnails and says so.
 */
export class PreviewsUnavailable extends Error {
  constructor(cause: string) {
    super(`no thumbnails for index.html: the canvas library @napi-rs/canvas could not load (${cause}). The PDFs are complete. Install kernekit with its optional dependencies (without --omit=optional) to get the thumbnails back.`);
    this.name = 'PreviewsUnavailable';
  }
}

/**
 * pdfmake's own refusals of a document definition, as opposed to bugs: what a layout (or
 * the logo) asked for that it may not read or cannot understand.
 */
const REFUSALS = [
  /resource access policy/,
  /is not defined in the font section/,
  /^Invalid (svg|SVG) document/,
  /^Unexpected svg viewBox/,
  /^SVG is missing defined/,
  /^Invalid image/,
  /^Unrecognized document structure/,
  /^Malformed table row/,
  /^Too few rows in the table/,
  /^Row span for column/,
  /^Unknown decoration/,
  /not found in virtual file system/,
];

/** A document that pdfmake refuses to draw, named with what it refused. */
export class DrawError extends Error {
  constructor(
    readonly document: string,
    readonly language: string,
    reason: string,
  ) {
    super(`${document} (${language}) cannot be drawn: ${reason}. Check what the layouts write there (image:, svg:, font:, tables), and the config's logo.`);
    this.name = 'DrawError';
  }

  /** `err` as a DrawError when it is one of pdfmake's refusals; anything else is returned as it is. */
  static from(err: unknown, document: string, language: string): unknown {
    const message = err instanceof Error ? err.message : '';
    return REFUSALS.some((r) => r.test(message)) ? new DrawError(document, language, message.split('\n')[0]!.replace(/\.$/, '')) : err;
  }
}

/** Another build held the output folder longer than a build waits for it. */
export class OutputBusyError extends Error {
  constructor(out: string, pid: number, ms: number) {
    super(`Another kernekit (process ${pid}) has been building into ${out} for more than ${Math.round(ms / 60_000)} minutes. If it is stuck, stop it, then build again.`);
    this.name = 'OutputBusyError';
  }
}

/** Rendering was asked to read a file from disk (a layout's image or font, an SVG's <image>): it reads none but kernekit's fonts. */
export class ReadRefusedError extends Error {
  constructor(readonly path: string) {
    super(`a layout asks to read the file ${JSON.stringify(path)}; rendering reads no file but kernekit's own fonts. Give images in layouts as data: URIs, and use the kit's font.`);
    this.name = 'ReadRefusedError';
  }
}

/** An error as plain data, to cross from a worker thread; `reviveError` makes it the same class again. */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
  stack?: string;
}

export function serializeError(err: unknown): SerializedError {
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message, fields: { ...e }, stack: e.stack };
}

export async function reviveError(s: SerializedError): Promise<Error> {
  const { InputError, UsageError } = await import('./content/problems.js');
  const classes: Record<string, { prototype: Error }> = { LayoutError, FitError, SheetSpaceError, PosterSpaceError, TranslationError, PreviewsUnavailable, DrawError, ReadRefusedError, InputError, UsageError };
  const cls = classes[s.name];
  const err = Object.create(cls ? cls.prototype : Error.prototype) as Error;
  Object.assign(err, s.fields, { name: s.name, message: s.message, stack: s.stack });
  return err;
}
