import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** Draft-07 JSON Schema of a zod schema, as AsyncAPI's default schema format accepts it. */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}
