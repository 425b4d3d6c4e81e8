/** The kit's document families and how materials are counted: plain lists, cheap to import (no schema library). */
export const documentFamilies = ['cards', 'worksheets', 'actors', 'poster', 'guide', 'handout'] as const;
export const quantityBasis = ['participant', 'group', 'meeting'] as const;
