import { z } from 'zod';

/**
 * Column codecs: each decodes the text of one CSV cell into its typed value
 * and encodes it back, so one schema both reads a list and writes it out.
 */

/** A required text cell, trimmed, never empty. */
export const text = z.string().trim().min(1, 'must not be empty');

/** A cell matching a pattern (a code). */
export const pattern = (regex: RegExp, message: string) => z.string().trim().regex(regex, message);

/** An optional cell: empty text decodes to undefined. */
export const optional = (inner: z.ZodString) =>
  z.codec(z.string(), inner.optional(), {
    decode: (cell) => (cell.trim() === '' ? undefined : cell.trim()),
    encode: (value) => value ?? '',
  });

/** A `|`-separated list of codes; an empty cell is an empty list. */
export const codeList = (item: z.ZodString) =>
  z.codec(z.string(), z.array(item), {
    decode: (cell) =>
      cell
        .split('|')
        .map((code) => code.trim())
        .filter((code) => code !== ''),
    encode: (codes) => codes.join('|'),
  });

/** A decimal number written with a dot (coordinates, bands). */
export const decimal = z.codec(z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number'), z.number(), {
  decode: (cell) => Number(cell),
  encode: (value) => String(value),
});

/** A whole number. */
export const integer = z.codec(z.string().trim().regex(/^-?\d+$/, 'must be a whole number'), z.number().int(), {
  decode: (cell) => Number(cell),
  encode: (value) => String(value),
});
