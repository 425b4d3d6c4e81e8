import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileSystemReason } from '../fs-errors.js';
import type { Branding } from '../documents/family.js';
import { PngError, decodePngOnWhite, encodeRgbPng } from './png.js';

export type Logo = NonNullable<Branding['logo']>;

/** Big enough for any logo at print resolution; bigger files only bloat every PDF. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

export type LogoResult = { ok: true; logo: Logo } | { ok: false; message: string; rule: string };

/**
 * Reads a logo for the PDFs and the index page. PNGs are flattened onto white and
 * re-encoded without alpha: pdfmake embeds alpha PNGs differently from run to run, and
 * PDFs must be byte-identical. `written` is the path as the config file gives it.
 */
export function readLogo(path: string, written: string): LogoResult {
  const type = extname(path).toLowerCase();
  if (type !== '.png' && type !== '.svg') {
    return { ok: false, rule: 'logo-format', message: `"${written}" is not a PNG or SVG file. Save the logo as .png or .svg and point to that file.` };
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, rule: 'logo-missing', message: `"${written}" is a folder, not a logo file. Give the path of a .png or .svg file.` };
    // A pipe or a device (/dev/zero) would never finish reading.
    if (!stat.isFile()) return { ok: false, rule: 'logo-missing', message: `"${written}" is not a file but a device, pipe or socket. Give the path of a .png or .svg file.` };
    size = stat.size;
  } catch {
    return { ok: false, rule: 'logo-missing', message: `Logo file "${written}" does not exist. The path is relative to the config file's folder.` };
  }
  if (size > LOGO_MAX_BYTES) {
    return {
      ok: false,
      rule: 'logo-too-large',
      message: `Logo file "${written}" is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB. Save a smaller version: about 1000 pixels across is plenty for print.`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return { ok: false, rule: 'logo-unreadable', message: `Logo file "${written}" cannot be read: ${fileSystemReason(err) ?? (err as Error).message}` };
  }
  return type === '.png' ? pngLogo(bytes, written) : svgLogo(bytes.toString('utf8'), written);
}

function pngLogo(bytes: Buffer, written: string): LogoResult {
  try {
    const image = decodePngOnWhite(bytes);
    return { ok: true, logo: { kind: 'png', data: encodeRgbPng(image), width: image.width, height: image.height } };
  } catch (err) {
    if (!(err instanceof PngError)) throw err;
    return { ok: false, rule: 'logo-unreadable', message: `Logo "${written}" cannot be read as a PNG: ${err.message}. Export it again as PNG, or use an SVG.` };
  }
}

/**
 * Plain vector SVG only: an embedded image is another file (rendering refuses to read it),
 * scripts have no place in a print file, and a link is not part of a logo: it would put its
 * URI (javascript: or any other) into the guide PDF.
 */
function svgLogo(text: string, written: string): LogoResult {
  const svg = text.replace(/^\uFEFF/, '');
  const root = /^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg\b([^>]*)>/i.exec(svg);
  if (!root) return { ok: false, rule: 'logo-unreadable', message: `Logo "${written}" is not an SVG file: it does not start with an <svg> element. Export it again as SVG.` };
  const embedded = /<(?:[\w-]+:)?(image|script|foreignObject|a)\b/i.exec(svg);
  if (embedded) {
    return {
      ok: false,
      rule: 'logo-unsupported',
      message: `Logo "${written}" contains an <${embedded[1]}> element; only plain vector SVG can be printed. Export the logo without embedded images, scripts or links, or use a PNG.`,
    };
  }
  if (/<!ENTITY\b/i.test(svg)) {
    return { ok: false, rule: 'logo-unsupported', message: `Logo "${written}" declares XML entities (<!ENTITY>); only plain vector SVG can be printed. Export the logo again as plain SVG.` };
  }
  const depth = nestingBeyond(svg, SVG_MAX_DEPTH);
  if (depth) {
    return {
      ok: false,
      rule: 'logo-unsupported',
      message: `Logo "${written}" nests its elements more than ${SVG_MAX_DEPTH} deep (line ${depth.line}); a logo needs a few levels. Export it again as plain SVG, or use a PNG.`,
    };
  }
  const xml = xmlProblem(svg);
  if (xml) return { ok: false, rule: 'logo-unreadable', message: `Logo "${written}" is not well-formed SVG (${xml}). Export it again as SVG.` };
  const attrs = root[1]!;
  const viewBox = attribute(attrs, 'viewBox');
  if (viewBox !== undefined) {
    const box = viewBox.trim().split(/[\s,]+/).map(Number);
    if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return { ok: true, logo: { kind: 'svg', svg } };
    return { ok: false, rule: 'logo-no-size', message: `Logo "${written}" has viewBox="${viewBox}"; a viewBox is four numbers, x y width height, e.g. viewBox="0 0 200 80".` };
  }
  // Without a viewBox an SVG keeps its drawing size when scaled (in pdfmake and in browsers), so one is added from width and height.
  const width = length(attribute(attrs, 'width'));
  const height = length(attribute(attrs, 'height'));
  if (width === undefined || height === undefined) {
    return {
      ok: false,
      rule: 'logo-no-size',
      message: `Logo "${written}" has neither a viewBox nor a width and height in pixels, so it cannot be scaled. Add viewBox="0 0 WIDTH HEIGHT" to the <svg> element.`,
    };
  }
  const at = root.index + root[0].length - 1 - (root[0].endsWith('/>') ? 1 : 0);
  return { ok: true, logo: { kind: 'svg', svg: `${svg.slice(0, at)} viewBox="0 0 ${width} ${height}"${svg.slice(at)}` } };
}

/**
 * Drawn logos nest groups a few levels deep. Thousands of levels make the SVG parser and
 * pdfmake's drawing recurse until the stack overflows, and the XML parser slow down.
 */
export const SVG_MAX_DEPTH = 100;

/** A comment, CDATA section, declaration or processing instruction, end tag, or start tag (whose quoted attributes may hold ">"). */
const XML_TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<\/[^>]*>|<(?:"[^"]*"|'[^']*'|[^>"'])*>/g;

/**
 * Where the elements first nest deeper than `max`, by one pass over the text (no parser, no
 * recursion): the check that keeps a hostile logo from reaching the parsers at all.
 */
function nestingBeyond(svg: string, max: number): { line: number } | undefined {
  let depth = 0;
  for (const m of svg.matchAll(XML_TOKEN)) {
    const tag = m[0];
    if (tag.startsWith('</')) depth--;
    else if (tag.startsWith('<!') || tag.startsWith('<?') || tag.endsWith('/>')) continue;
    else if (++depth > max) return { line: svg.slice(0, m.index).split('\n').length };
  }
  return undefined;
}

/**
 * Why the XML parser that pdfmake draws SVG with refuses the text, if it does: the copy
 * pdfmake uses (kernekit asks for the version pdfmake asks for), so a logo is accepted
 * exactly when the guide can be drawn.
 */
function xmlProblem(svg: string): string | undefined {
  const xmldoc = createRequire(import.meta.url)('xmldoc') as { XmlDocument: new (xml: string) => unknown };
  try {
    new xmldoc.XmlDocument(svg);
    return undefined;
  } catch (err) {
    const [what, line, column] = (err as Error).message.split('\n');
    const at = /Line: (\d+)/.exec(line ?? '') && /Column: (\d+)/.exec(column ?? '');
    return at ? `${what}, line ${Number(/\d+/.exec(line!)![0]) + 1}, column ${at[1]}` : what;
  }
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs)?.slice(1).find((v) => v !== undefined);
}

function length(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value);
  return m && Number(m[1]) > 0 ? Number(m[1]) : undefined;
}
