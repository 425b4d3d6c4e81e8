import type { Branding } from '../documents/family.js';

/**
 * The logo as a data: URI, for an <img> in index.html and an `image` node in pdfmake.
 * Buffer.from because build options sent to a worker thread arrive as a plain Uint8Array.
 */
export function logoDataUri(logo: NonNullable<Branding['logo']>): string {
  return logo.kind === 'png' ? `data:image/png;base64,${Buffer.from(logo.data).toString('base64')}` : `data:image/svg+xml;base64,${Buffer.from(logo.svg, 'utf8').toString('base64')}`;
}
