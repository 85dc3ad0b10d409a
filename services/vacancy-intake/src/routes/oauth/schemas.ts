import { z } from 'zod';

/** RFC 6749 §4.4 client credentials request; the client may authenticate in the body or with HTTP Basic. */
export const tokenRequest = z.object({
  grant_type: z.string().max(100),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(200).optional(),
});

export const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
});

/** RFC 6749 §5.2 error answer (OAuth clients expect this shape, not problem+json). */
export const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });
