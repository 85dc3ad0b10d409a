import { z } from 'zod';

/**
 * CloudEvents 1.0 in structured JSON mode: the whole event, attributes and
 * data, is the Kafka message value. `subject` is the aggregate id and equals
 * the Kafka key.
 */
export const cloudEventEnvelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(500).describe('URI reference of the producing service, e.g. /ketnoi/registration'),
  type: z.string().min(1).max(200),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1).max(200),
  datacontenttype: z.literal('application/json').optional(),
  dataschema: z.string().optional(),
  data: z.unknown(),
});

export type CloudEventEnvelope = z.infer<typeof cloudEventEnvelope>;

/** The envelope with its `type` fixed and its `data` given by a schema. */
export const cloudEvent = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  cloudEventEnvelope.extend({ type: z.literal(type), data });

export type CloudEvent<T extends string = string, D = unknown> = Omit<CloudEventEnvelope, 'type' | 'data'> & {
  type: T;
  data: D;
};
