import { Buffer } from 'buffer';

// The buffer package (Node's Buffer for the browser bundle) writes a Latin-1 string through a
// JavaScript array of its bytes and reads one back a character at a time with +=. Each PDF
// turns every content stream into bytes that way and reads the whole file back as text twice
// (subset-tags.ts, structure-streams.ts): a fifth of a planner press went to it. The same
// conversions, done on typed arrays and in slices: the same bytes and the same text.

type Write = (this: Buffer, string: string, ...rest: unknown[]) => number;
type ToString = (this: Buffer, ...rest: unknown[]) => string;

const isLatin1 = (encoding: unknown) => encoding === 'latin1' || encoding === 'binary';
/** Characters per String.fromCharCode call, well below any engine's limit on arguments. */
const SLICE = 8192;

const write = Buffer.prototype.write as Write;
(Buffer.prototype as { write: Write }).write = function (string, ...rest) {
  // Buffer.from(text, 'latin1') writes with (text, encoding); other calls go the package's way.
  if (!(rest.length === 1 && isLatin1(rest[0]))) return write.call(this, string, ...rest);
  const n = Math.min(string.length, this.length);
  for (let i = 0; i < n; i++) this[i] = string.charCodeAt(i) & 0xff;
  return n;
};

const toString = Buffer.prototype.toString as ToString;
(Buffer.prototype as { toString: ToString }).toString = function (...rest) {
  if (!(rest.length === 1 && isLatin1(rest[0]))) return toString.apply(this, rest);
  let text = '';
  for (let i = 0; i < this.length; i += SLICE) text += String.fromCharCode.apply(null, this.subarray(i, i + SLICE) as unknown as number[]);
  return text;
};

export { Buffer };
