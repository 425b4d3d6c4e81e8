// The fontkit that pdfkit is given: create() is kernekit's parseFont (render/parsed-fonts.ts),
// which parses each font once and gives each glyph its own characters. The host hands
// parseFont over before pdfkit loads; the bundles point pdfkit's import of fontkit here, and
// host.ts points Node's module cache here when kernekit runs unbundled.

type Create = (src: Uint8Array, postscriptName?: string) => unknown;
let parse: Create | undefined;

export function parseFontsWith(parseFont: Create): void {
  parse = parseFont;
}

export const create: Create = (src, postscriptName) => parse!(src, postscriptName);
