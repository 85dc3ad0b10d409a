import { KetNoiError } from '@ketnoi/errors';
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The header's key, checked: 1–255 visible ASCII characters (a UUID is the usual choice). */
export function readKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw new KetNoiError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 visible ASCII characters', { status: 400 });
  }
  return key;
}

/** Where a key is stored: keys are per principal and per scope, so two clients never share one. */
export const recordId = (principal: string, scope: string, key: string): string => sha256(`${principal}\u0000${scope}\u0000${key}`);

/** What makes two requests "the same": method, URL and body (key order does not matter). */
export const fingerprint = (method: string, url: string, body: unknown): string =>
  sha256(`${method} ${url}\n${JSON.stringify(canonical(body ?? null))}`);
