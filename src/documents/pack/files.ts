/** The print pack's file names: a leaf module, so the planner page's script can name them without loading the documents. */
export const PACK_CARDS_FILE = 'pakke-karton.pdf';
export const PACK_PAPER_FILE = 'pakke-papir.pdf';
