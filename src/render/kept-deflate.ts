import { deflate } from 'pako';
import { host } from '../host/host.js';
import { digestName } from '../host/digest-name.js';

/** Below this, compressing costs less than reading a kept file. */
const KEPT_STREAM = 4096;

/**
 * `data` deflated with pako (whose bytes a browser makes too, unlike Node's zlib). pako running
 * cold in a fresh process takes 0.1–0.2 s over a deck's font subsets and structure, so data of
 * KEPT_STREAM bytes or more is kept by the host (the command line: by its sha256 in the cache
 * folder), and the next build reads the same bytes back.
 */
export function keptDeflate(data: Uint8Array): Uint8Array {
  return data.length < KEPT_STREAM ? deflate(data) : host.engineKept('streams', () => `${digestName(data)}.z`, () => deflate(data));
}
