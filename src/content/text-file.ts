import { readFileSync } from 'node:fs';
import { fileSystemReason } from '../fs-errors.js';
import type { Problem } from './problems.js';

export type TextResult = { ok: true; text: string } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A text file the user wrote (content, translations, config), read as UTF-8 or refused:
 * a file saved as Latin-1 would otherwise turn æ ø å into replacement characters that only
 * fail, far from their line, when the PDFs are drawn.
 */
export function readTextFile(path: string, shownPath: string): TextResult {
  const refuse = (line: number, column: number, message: string, rule: string): TextResult => ({ ok: false, problem: { file: shownPath, line, column, field: '', message, rule } });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'File is missing.' : `Cannot read the file: ${fileSystemReason(err) ?? (err as Error).message}`;
    return refuse(1, 1, reason, 'file-unreadable');
  }
  try {
    return { ok: true, text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const { line, column } = firstInvalidByte(bytes);
    return refuse(line, column, 'The file is not UTF-8 text (it may be saved as Latin-1 or Windows-1252). Save it again as UTF-8 in your editor.', 'not-utf8');
  }
}

/** Line and column of the first byte that is not UTF-8: where lenient decoding put its first replacement character. */
function firstInvalidByte(bytes: Buffer): { line: number; column: number } {
  const lenient = bytes.toString('utf8');
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n');
  return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}
