import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'ketnoi-signature';
export const TIMESTAMP_HEADER = 'ketnoi-timestamp';

/** `v1=<hex HMAC-SHA256(secret, "<unix seconds>.<body>")>`: the timestamp is signed, so a replay can be refused by age. */
export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** What a receiver does: recompute and compare in constant time, and refuse old timestamps. */
export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
