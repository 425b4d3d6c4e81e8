import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, type FontStyle } from '../src/render/fonts.js';
import { latinText } from '../src/fonts/latin.js';

// The planner page's fonts as the build step ships them (bundle/planner-fonts.js): each PDF style's
// font (by its file name) with only the Latin glyphs' outlines and the layout tables cut down to
// them, everything a PDF copies of it unchanged.
const root = join(import.meta.dirname, '..');
const shipped = (): Record<string, string> => {
  const page = vm.createContext({});
  page.window = page;
  vm.runInContext(readFileSync(join(root, 'bundle/planner-fonts.js'), 'utf8'), page);
  return page.kernekitFonts as Record<string, string>;
};

/** What the test reads of a font parsed by fontkit. */
interface Font {
  numGlyphs: number;
  postscriptName: string;
  layout(text: string): { glyphs: Glyph[]; positions: unknown[] };
  glyphForCodePoint(codePoint: number): Glyph;
}
interface Glyph {
  id: number;
  path: { commands: unknown[]; toSVG(): string };
}

describe('the planner page’s fonts', () => {
  it('weigh a seventh of the whole fonts in base64, and keep every Latin glyph as the font draws and places it, while Greek is left out', () => {
    const fonts = shipped();
    expect(readFileSync(join(root, 'bundle/planner-fonts.js')).length).toBeLessThan(300_000);
    for (const [style, file] of Object.entries(FONT_FILES) as Array<[FontStyle, string]>) {
      const whole = fontkit.create(readFileSync(join(root, 'fonts', file))) as Font;
      const cut = fontkit.create(inflateSync(Buffer.from(fonts[file]!, 'base64'))) as Font;
      expect(cut.numGlyphs, style).toBe(whole.numGlyphs);
      expect(cut.postscriptName).toBe(whole.postscriptName);
      // Every character the fonts keep, side by side, too: the cut-down substitutions and positions shape them as the whole ones.
      for (const text of ['Kerneopgaven på dagsordenen', 'ÆØÅ æøå – … »« “” € 13:00–14:30', 'Ŕéñ šíť ĺóŕéñ', 'fi fl ffi', latinText()]) {
        const a = whole.layout(text);
        const b = cut.layout(text);
        expect(b.glyphs.map((g) => g.id), `${style}: ${text}`).toEqual(a.glyphs.map((g) => g.id));
        expect(b.positions).toEqual(a.positions);
        expect(b.glyphs.map((g) => g.path.toSVG())).toEqual(a.glyphs.map((g) => g.path.toSVG()));
      }
      const alpha = (f: Font) => f.glyphForCodePoint('α'.codePointAt(0)!).path.commands.length;
      expect(alpha(whole), style).toBeGreaterThan(0);
      expect(alpha(cut), style).toBe(0);
    }
  });
});
