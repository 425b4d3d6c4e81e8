// hyphen ships no types; this declares the little kernekit calls.
declare module 'hyphen/*' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

// pdf.js ships no types for its worker module; kernekit only hands it back to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

// pako ships no types; kernekit compresses PDF streams with its deflate.
declare module 'pako' {
  export function deflate(data: Uint8Array): Uint8Array;
  export function inflate(data: Uint8Array): Uint8Array;
}

// The browser host (host-browser.ts) imports pdfmake's modules and hyphen's engine directly; neither ships types for them.
// They are CommonJS modules with their class as `exports.default`, which a bundler in Node's
// manner hands over as the default import's `default`.
declare module 'pdfmake/js/*' {
  const value: { default: never };
  export default value;
  export const tableLayouts: object;
}
declare module 'hyphen/hyphen.js' {
  export default function createHyphenator(patterns: unknown): (text: string, options: { hyphenChar: string; minWordLength: number }) => string;
}
declare module 'fontkit' {
  export function create(src: Uint8Array, postscriptName?: string): unknown;
}
// linebreak ships no types; the browser's host imports it (its type: host/types.ts).
declare module 'linebreak' {
  const LineBreaker: import('../host/types.js').LineBreakerClass;
  export default LineBreaker;
}
// xmldoc ships no types; the planner's SVG script (browser/svg.ts) hands its document class on.
declare module 'xmldoc' {
  export const XmlDocument: unknown;
}
