/** Danish is the source of every text and the fallback for every other language. */
export const SOURCE_LANGUAGE = 'da';
