import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** A PNG that cannot be read, with a reason the user can act on. */
export class PngError extends Error {
  override name = 'PngError';
}

/** Opaque 8-bit RGB pixels, three bytes each, row by row. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Far beyond any logo; stops a small, highly compressed file from inflating to gigabytes. */
const MAX_SIDE = 8000;

/**
 * Four megapixels (2000 × 2000) is more than a 40 mm logo needs at any print resolution; an
 * 8000 × 8000 logo took 26 s and 1.8 GB to decode and embed.
 */
export const MAX_PIXELS = 4_000_000;

/** Samples per pixel and the bit depths the PNG specification allows, per colour type. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

interface Header {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  channels: number;
}

/**
 * Decodes a non-interlaced PNG of any colour type and bit depth and lays it on white.
 * Written here rather than borrowed from an image library so the result depends on
 * nothing but the file's bytes: a logo with alpha gives the same pixels on every machine.
 */
export function decodePngOnWhite(file: Buffer): RgbImage {
  if (file.length < SIGNATURE.length || !file.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new PngError('the file does not start like a PNG');
  }
  let header: Header | undefined;
  let palette: Buffer | undefined;
  let transparency: Buffer | undefined;
  const data: Buffer[] = [];
  let pos = SIGNATURE.length;
  for (;;) {
    if (pos + 12 > file.length) throw new PngError('the file ends too early');
    const length = file.readUInt32BE(pos);
    const type = file.toString('latin1', pos + 4, pos + 8);
    const end = pos + 8 + length;
    if (end + 4 > file.length) throw new PngError(`the ${type} chunk is cut short`);
    if (crc32(file.subarray(pos + 4, end)) !== file.readUInt32BE(end)) throw new PngError(`the ${type} chunk is damaged (wrong checksum)`);
    const body = file.subarray(pos + 8, end);
    pos = end + 4;
    if (type === 'IHDR') header = readHeader(body);
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
  }
  if (!header) throw new PngError('the header (IHDR) is missing');
  if (header.colourType === 3 && !palette) throw new PngError('the palette (PLTE) is missing');
  const stride = Math.ceil((header.width * header.channels * header.depth) / 8);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: header.height * (stride + 1) + 1 });
  } catch {
    throw new PngError('the image data is damaged');
  }
  if (raw.length !== header.height * (stride + 1)) throw new PngError('the image data has the wrong length');
  const rows = unfilter(raw, header.height, stride, Math.max(1, (header.channels * header.depth) / 8));
  return { width: header.width, height: header.height, rgb: onWhite(rows, stride, header, palette, transparency) };
}

/** An RGB PNG (colour type 2, no alpha), compressed the same way every time. */
export function encodeRgbPng(image: RgbImage): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const stride = image.width * 3;
  const raw = Buffer.alloc(image.height * (stride + 1));
  // Filter type 0 on every row: logos are flat colour, which deflate compresses well as it is.
  for (let y = 0; y < image.height; y++) image.rgb.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(body.length + 12);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

function readHeader(body: Buffer): Header {
  if (body.length !== 13) throw new PngError('the header (IHDR) is damaged');
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const depth = body[8]!;
  const colourType = body[9]!;
  const kind = COLOUR_TYPES[colourType];
  if (!kind || !kind.depths.includes(depth)) throw new PngError(`colour type ${colourType} with bit depth ${depth} is not valid PNG`);
  if (body[10] !== 0 || body[11] !== 0) throw new PngError('it uses an unknown compression or filter method');
  if (body[12] !== 0) throw new PngError('it is interlaced; save it again without interlacing (Adam7 off)');
  if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) {
    throw new PngError(`it is ${width}×${height} pixels; a logo must be from 1 to ${MAX_SIDE} pixels on each side`);
  }
  if (width * height > MAX_PIXELS) {
    throw new PngError(`it is ${width}×${height} pixels, more than the ${MAX_PIXELS / 1e6} megapixels a logo may have; about 1000 pixels across is plenty for print, so save a smaller version`);
  }
  return { width, height, depth, colourType, channels: kind.channels };
}

/** Undoes the per-row filters (None, Sub, Up, Average, Paeth); returns rows without their filter byte. */
function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Buffer {
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) predicted = paeth(a, b, c);
      else throw new PngError(`row ${y + 1} has an unknown filter type ${filter}`);
      out[row + x] = (raw[src + x]! + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Every pixel as 8-bit RGB, composited over white by its alpha (or tRNS key colour). */
function onWhite(rows: Buffer, stride: number, h: Header, palette: Buffer | undefined, trns: Buffer | undefined): Buffer {
  const out = Buffer.alloc(h.width * h.height * 3);
  const max = (1 << h.depth) - 1;
  // A sample at full precision (up to 16 bits), and scaled to 8 bits.
  const sample = (row: number, index: number): number => {
    if (h.depth === 16) return rows.readUInt16BE(row + index * 2);
    if (h.depth === 8) return rows[row + index]!;
    const bit = index * h.depth;
    return (rows[row + (bit >> 3)]! >> (8 - h.depth - (bit & 7))) & max;
  };
  const to8 = (v: number) => (h.depth === 8 ? v : Math.round((v * 255) / max));
  const keyed = (values: number[]) => trns !== undefined && values.every((v, i) => trns.length >= 2 * (i + 1) && trns.readUInt16BE(i * 2) === v);
  for (let y = 0; y < h.height; y++) {
    const row = y * stride;
    for (let x = 0; x < h.width; x++) {
      const s = (c: number) => sample(row, x * h.channels + c);
      let r: number, g: number, b: number, alpha: number;
      if (h.colourType === 3) {
        const i = s(0);
        if (3 * i + 2 >= palette!.length) throw new PngError(`a pixel uses colour ${i}, which the palette does not have`);
        [r, g, b] = [palette![3 * i]!, palette![3 * i + 1]!, palette![3 * i + 2]!];
        alpha = trns !== undefined && i < trns.length ? trns[i]! : 255;
      } else if (h.colourType === 0 || h.colourType === 4) {
        r = g = b = to8(s(0));
        alpha = h.colourType === 4 ? to8(s(1)) : keyed([s(0)]) ? 0 : 255;
      } else {
        [r, g, b] = [to8(s(0)), to8(s(1)), to8(s(2))];
        alpha = h.colourType === 6 ? to8(s(3)) : keyed([s(0), s(1), s(2)]) ? 0 : 255;
      }
      const o = (y * h.width + x) * 3;
      out[o] = blend(r, alpha);
      out[o + 1] = blend(g, alpha);
      out[o + 2] = blend(b, alpha);
    }
  }
  return out;
}

const blend = (c: number, alpha: number) => Math.round((c * alpha + 255 * (255 - alpha)) / 255);
