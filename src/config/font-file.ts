import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileSystemReason } from '../fs-errors.js';

/** Bigger than any one face of a CJK font (Noto Sans JP is some 5 MB, a whole Japanese TrueType font 10). */
export const FONT_MAX_BYTES = 40 * 1024 * 1024;

/** A font file the config names, checked to be one face of TrueType or OpenType that pdfmake can embed. */
export interface FontFile {
  /** The path as the config writes it. */
  written: string;
  path: string;
}

export type TypefaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
/** `typeface:` of the config, each style's file checked to be a font. */
export type Typeface = { regular: FontFile } & Partial<Record<Exclude<TypefaceStyle, 'regular'>, FontFile>>;

export type FontFileResult = { ok: true; font: FontFile } | { ok: false; message: string; rule: string };

/** Tables every TrueType or OpenType face has, and one of the two outline tables. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'];
const OUTLINES = ['glyf', 'CFF ', 'CFF2'];

/**
 * Checks that `path` is a TrueType or OpenType font (.ttf, .otf) by its header and table
 * directory, without parsing it: a missing or unreadable file, a folder, a web font, a font
 * collection or anything else is refused with what to do. `written` is the path as the
 * config gives it.
 */
export function checkFontFile(path: string, written: string): FontFileResult {
  const refuse = (message: string, rule: string): FontFileResult => ({ ok: false, message, rule });
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return refuse(`"${written}" is not a file. Give the path of a .ttf or .otf font file.`, 'font-missing');
    size = stat.size;
  } catch {
    return refuse(`Font file "${written}" does not exist. The path is relative to the config file's folder.`, 'font-missing');
  }
  if (size > FONT_MAX_BYTES) return refuse(`Font file "${written}" is ${(size / 1024 / 1024).toFixed(0)} MB; the limit is ${FONT_MAX_BYTES / 1024 / 1024} MB. Give a font of one face and its scripts.`, 'font-too-large');
  let head: Buffer;
  try {
    head = readStart(path, Math.min(size, 12 + 16 * 64));
  } catch (err) {
    return refuse(`Font file "${written}" cannot be read: ${fileSystemReason(err) ?? (err as Error).message}.`, 'font-unreadable');
  }
  const tag = head.toString('latin1', 0, 4);
  if (tag === 'wOFF' || tag === 'wOF2') return refuse(`"${written}" is a web font (WOFF). Give the .ttf or .otf file of the same font.`, 'font-format');
  if (tag === 'ttcf') return refuse(`"${written}" is a font collection (.ttc), which holds several fonts. Give the .ttf or .otf file of the one face to use.`, 'font-format');
  if (head.length < 12 || !(tag === 'OTTO' || tag === 'true' || head.readUInt32BE(0) === 0x00010000)) {
    return refuse(`"${written}" is not a TrueType or OpenType font. Give the path of a .ttf or .otf file.`, 'font-format');
  }
  const count = head.readUInt16BE(4);
  const tables = new Set<string>();
  for (let i = 0; i < count && 12 + 16 * (i + 1) <= head.length; i++) tables.add(head.toString('latin1', 12 + 16 * i, 16 + 16 * i));
  const lacking = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (lacking.length > 0 || !OUTLINES.some((t) => tables.has(t))) {
    return refuse(`"${written}" is not a complete font (it lacks ${lacking.length > 0 ? lacking.join(', ') : 'outlines'}). Give the path of a .ttf or .otf file.`, 'font-format');
  }
  return { ok: true, font: { written, path } };
}

/** The first `length` bytes of a file. */
function readStart(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}
