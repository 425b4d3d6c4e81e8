import { host } from './host.js';

/** A file name for what `data` is: its sha256 in hexadecimal. */
export function digestName(data: string | Uint8Array): string {
  return Array.from(host.sha256(data), (b) => b.toString(16).padStart(2, '0')).join('');
}
