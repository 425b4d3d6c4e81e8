// Writes the kit's card deck as Typst markup, for the side-by-side in bench/run.mjs.

/** The Typst source of the deck: one grid cell per card, text shrunk to fit like kernekit does. */
export function typstDeck(cards) {
  const esc = (s) => s.replace(/[\\#\[\]*_`$<>@]/g, (c) => '\\' + c);
  const card = (c) => `box(width: 63mm, height: 88mm, inset: 5mm, stroke: 0.3pt + luma(180))[
  #block(fill: rgb("${c.colour}"), width: 100%, inset: 2mm)[#text(fill: white, size: 9pt, weight: "bold")[${esc(c.categoryLabel)}]]
  #text(size: 8pt, weight: "bold", fill: rgb("${c.colour}"))[${esc(c.kindLabel)}]\\
  #text(size: ${c.text.length > 110 ? 11 : 15}pt)[${esc(c.text)}]
  #place(bottom + left)[#text(size: 6.5pt)[${esc(c.number)}]]
]`;
  return `#set page(paper: "a4", margin: (x: 10mm, y: 10mm))
#set text(font: "Source Sans 3", lang: "da", hyphenate: true)
#grid(columns: 3, gutter: 6mm,
${cards.map((c) => '  ' + card(c) + ',').join('\n')}
)
`;
}
