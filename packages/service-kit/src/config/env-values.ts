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

export const port = () => z.coerce.number().int().min(0).max(65_535);

export const mongoUrl = () =>
  z.string().regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// URL');

/** A name that may be part of a Kafka topic or group name. */
export const kafkaName = () => z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
