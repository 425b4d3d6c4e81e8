import { CARD_PRESETS, PAPER_CHOICES } from '../print/paper.js';

/**
 * The `kernekit.config.yaml` that `kernekit init` writes: every field, explained where it
 * is edited. The branding fields start commented out, so a build works before anyone has a
 * logo file; the defaults are the built-in ones, written out so they can be changed.
 */
export function configTemplate(): string {
  return `# kernekit.config.yaml: your organisation's branding and build defaults.
# Every field is optional; remove the # in front of a line to use it.
# Options on the command line (--lang, --paper, --card-size) win over this file.
# Check it with: npx kernekit validate   Build with: npx kernekit build

# Your organisation's name, at most 80 characters: on the guide's cover, at the start of
# every footer, as the PDFs' author and in the header of index.html.
# organisation: Eksempel Kommune

# A .png or .svg file, at most 2 MB, relative to this file: on the guide's cover and in
# the header of index.html.
# logo: logo.svg

# The accent colour of index.html as "#RRGGBB", in quotes (a bare # starts a comment).
# accent: "#2F6F8F"

# The office printer's paper: ${PAPER_CHOICES.join(' or ')}. The poster has a paper of its own:
# A3, or A2 or A1 with "npx kernekit build --poster a2" (or a1).
paper: a4

# Card size: ${Object.keys(CARD_PRESETS).join(', ')}, or width x height in millimetres, e.g. 70x100.
cardSize: poker

# The languages a plain "kernekit build" makes, each into out/<language>/.
# English ships with kernekit: write [da, en] to build both.
languages: [da]
`;
}
