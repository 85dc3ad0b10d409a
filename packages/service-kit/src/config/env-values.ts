import { z } from 'zod';

// An empty variable (`FOO=`) means "not set", as it does for a shell user.
const unsetWhenEmpty = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A variable that may be left out or empty. */
export const optionalEnv = <T extends z.ZodType>(schema: T) =>
  z.preprocess(unsetWhenEmpty, schema.optional());

/** `a:9092, b:9092` → `['a:9092', 'b:9092']`, at least one entry. */
export const commaList = () =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(z.string()).min(1, 'expected a comma-separated list with at least one entry'));

/**
 * `A=1, B=x=y` → `{ A: '1', B: 'x=y' }` (each item split at its first `=`,
 * name and value trimmed); unset or empty: `{}`. An item with no name before
 * its `=`, or no `=`, is refused.
 */
export const namedValues = () =>
  z
    .string()
    .default('')
    .transform((text, ctx) => {
      const values: Record<string, string> = {};
      for (const item of text.split(',').map((i) => i.trim()).filter(Boolean)) {
        const at = item.indexOf('=');
        if (at < 0 || item.slice(0, at).trim() === '') ctx.addIssue({ code: 'custom', message: `not name=value: ${item}` });
        else values[item.slice(0, at).trim()] = item.slice(at + 1).trim();
      }
      return values;
    });

export const port = () => z.coerce.number().int().min(0).max(65_535);

export const mongoUrl = () =>
  z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL');

/** A name that may be part of a Kafka topic or group name. */
export const kafkaName = () => z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
