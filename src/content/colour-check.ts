import { contrastOnWhite, deltaE2000 } from '../print/colour.js';
import type { Problem } from './problems.js';
import type { YamlFile } from './yaml-file.js';

/** Two category colours that appear in one document must differ by at least this (CIEDE2000). */
export const MIN_COLOUR_DIFFERENCE = 15;
/** A category colour is also a text colour on white paper (WCAG AA for body text). */
export const MIN_CONTRAST = 4.5;

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Warnings, not errors, for kit.yaml's `colours:`: the kit still builds, but cards whose
 * colours look alike are told apart only by their code, and pale text is hard to read.
 * Every category appears in the card deck, so every pair is checked.
 */
export function colourWarnings(colours: Record<string, string>, yaml: YamlFile): Problem[] {
  const warnings: Problem[] = [];
  const ids = Object.keys(colours);
  for (const id of ids) {
    const contrast = contrastOnWhite(colours[id]!);
    if (contrast < MIN_CONTRAST) {
      warnings.push(
        yaml.problemAt(['colours', id], `"${colours[id]}" reads at only ${round1(contrast)}:1 on white; text in a category colour needs at least ${MIN_CONTRAST}:1. Choose a darker colour.`, 'low-contrast'),
      );
    }
  }
  ids.forEach((id, i) => {
    for (const other of ids.slice(0, i)) {
      const difference = deltaE2000(colours[id]!, colours[other]!);
      if (difference < MIN_COLOUR_DIFFERENCE) {
        warnings.push(
          yaml.problemAt(
            ['colours', id],
            `"${colours[id]}" (${id}) and "${colours[other]}" (${other}) differ by only ΔE ${round1(difference)} (CIEDE2000); cards in one deck need ${MIN_COLOUR_DIFFERENCE} or more to be told apart. Choose a colour of another hue or lightness for one of them.`,
            'similar-colours',
          ),
        );
      }
    }
  });
  return warnings;
}
