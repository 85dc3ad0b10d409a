import { baseConfigSchema } from '@ketnoi/service-kit';
import { z } from 'zod';

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** "id:base64key,id:base64key": every master key that may have wrapped a stored data key. */
const keyRing = z
  .string()
  .transform((value, ctx) => {
    const entries = value.split(',').map((pair) => pair.trim().split(':'));
    const keys = new Map<string, Buffer>();
    for (const [id, key] of entries) {
      const bytes = Buffer.from(key ?? '', 'base64');
      if (!id || bytes.length !== 32) {
        ctx.addIssue({ code: 'custom', message: 'each entry must be <id>:<32 bytes base64>' });
        return z.NEVER;
      }
      keys.set(id, bytes);
    }
    return keys;
  });

export const registrationConfigSchema = baseConfigSchema
  .extend({
    SERVICE_NAME: z.string().default('registration'),
    HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    /** Master keys that wrap each worker's data key (AES-256-GCM). */
    REGISTRATION_MASTER_KEYS: keyRing,
    /** The master key that wraps new data keys; older ones stay for reading. */
    REGISTRATION_MASTER_KEY_ID: z.string().min(1),
    /** HMAC key for citizen-ID look-up and de-duplication. */
    REGISTRATION_HASH_KEY: base64Key,
  })
  .refine((config) => config.REGISTRATION_MASTER_KEYS.has(config.REGISTRATION_MASTER_KEY_ID), {
    message: 'REGISTRATION_MASTER_KEY_ID must name one of REGISTRATION_MASTER_KEYS',
    path: ['REGISTRATION_MASTER_KEY_ID'],
  });

export type RegistrationConfig = z.output<typeof registrationConfigSchema>;
