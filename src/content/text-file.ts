import { lstatSync, readlinkSync } from 'node:fs';
import { fileSystemReason } from '../fs-errors.js';
import { readRegularFile } from '../regular-file.js';
import type { Problem } from './problems.js';

export type TextResult = { ok: true; text: string } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Far more than any kit's file (the largest, a translation, is about 25 kB); a file past it is a mistake, not content. */
export const TEXT_FILE_MAX_BYTES = 5_000_000;

/**
 * A text file the user wrote (content, translations, config), read as UTF-8 or refused:
 * a file saved as Latin-1 would otherwise turn æ ø å into replacement characters that only
 * fail, far from their line, when the PDFs are drawn. Only a regular file is read: a pipe,
 * a device (a link to /dev/zero), a link that leads nowhere and a file over
 * TEXT_FILE_MAX_BYTES are refused with the reason, before a byte is read.
 */
export function readTextFile(path: string, shownPath: string): TextResult {
  const refuse = (line: number, column: number, message: string, rule: string): TextResult => ({ ok: false, problem: { file: shownPath, line, column, field: '', message, rule } });
  let bytes: Buffer;
  try {
    const read = readRegularFile(path, TEXT_FILE_MAX_BYTES);
    if (!read.ok && read.refused === 'not-a-file') return refuse(1, 1, 'The file is not a file but a pipe, device or socket, which kernekit does not read. Put a text file here, or remove it.', 'not-a-file');
    if (!read.ok) return refuse(1, 1, `The file is ${Math.round(read.bytes / 1e6)} MB, more than the ${TEXT_FILE_MAX_BYTES / 1e6} MB a content or config file may have. Check that this is the file you meant.`, 'file-too-large');
    bytes = read.bytes;
  } catch (err) {
    return refuse(1, 1, unreadable(path, err), 'file-unreadable');
  }
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const { line, column } = firstInvalidByte(bytes);
    return refuse(line, column, 'The file is not UTF-8 text (it may be saved as Latin-1 or Windows-1252). Save it again as UTF-8 in your editor.', 'not-utf8');
  }
}

/** Why a file could not be opened; a link that leads nowhere says where it leads. */
function unreadable(path: string, err: unknown): string {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return `Cannot read the file: ${fileSystemReason(err) ?? (err as Error).message}`;
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? `The file is a link to ${readlinkSync(path)}, which does not exist. Fix or remove the link.` : 'File is missing.';
}

/** Line and column of the first byte that is not UTF-8: where lenient decoding put its first replacement character. */
function firstInvalidByte(bytes: Buffer): { line: number; column: number } {
  const lenient = bytes.toString('utf8');
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n');
  return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}
