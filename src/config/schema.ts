import { z } from 'zod';
import { UsageError } from '../content/problems.js';
import { colour, refuseControlCharacters } from '../content/schema.js';
import { PAPER_CHOICES, parseCardSize } from '../print/paper.js';
import { canonicalLanguage, notALanguage } from '../i18n/language-code.js';

/** Language codes pass the same parser as --lang, and come out canonical (EN → en). */
const language = z.string().transform((code, ctx) => {
  const canonical = canonicalLanguage(code);
  if (canonical === undefined) ctx.addIssue({ code: 'invalid_format', format: 'language-code', message: notALanguage(code) });
  return canonical ?? code;
});

/** Longer names no longer fit on one footer line beside the source and page number. */
const ORGANISATION_MAX = 80;

/** The card size rules are parseCardSize's own; only its wording names the CLI flag. */
const cardSize = z.string().superRefine((value, ctx) => {
  try {
    parseCardSize(value);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    ctx.addIssue({ code: 'invalid_format', format: 'card-size', message: err.message.replace(/^--card-size /, '') });
  }
});

const fontPath = z.string().trim().min(1, { message: 'The font path is empty. Write the path of a .ttf or .otf file, or remove the field.' });

/** `kernekit.config.yaml`: the organisation's branding and its build defaults. Every field is optional. */
export const configSchema = z.strictObject({
  organisation: z
    .string()
    .trim()
    .min(1, { message: 'The organisation name is empty. Write the name, or remove the field.' })
    .max(ORGANISATION_MAX, { message: `Keep the organisation name to ${ORGANISATION_MAX} characters or fewer, so it fits in the footers.` })
    // One line: the footers have room for one.
    .refine((name) => !/[\n\t]/.test(name), { message: 'The organisation name is one line, printed in the footers; this one holds a line break or a tab. Write it on one line.', params: { rule: 'one-line' } })
    .superRefine(refuseControlCharacters)
    .optional(),
  logo: z.string().trim().min(1, { message: 'The logo path is empty. Write the path of a .png or .svg file, or remove the field.' }).optional(),
  accent: colour.optional(),
  paper: z.enum(PAPER_CHOICES).optional(),
  cardSize: cardSize.optional(),
  languages: z
    .array(language)
    .min(1, { message: 'List at least one language, or remove the field.' })
    .optional(),
  /** Fonts for the characters the kit's own faces lack (a Japanese or Tamil font), tried in order. */
  fonts: z.array(fontPath).min(1, { message: 'List at least one font file, or remove the field.' }).optional(),
  /** The organisation's brand font instead of the kit's own; the kit's semibold falls back to bold. */
  typeface: z.strictObject({ regular: fontPath, bold: fontPath.optional(), italic: fontPath.optional(), boldItalic: fontPath.optional() }).optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
