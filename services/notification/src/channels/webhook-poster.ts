import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../domain/webhook-signature.js';
import { pinnedLookup } from './pinned-lookup.js';
import type { CheckedTarget } from './webhook-target.js';

export type PostResult = { ok: true } | { ok: false; reason: string };

/**
 * POSTs a signed webhook body to the addresses checked for the target (a
 * connection of its own, no pooled socket); redirects are not followed (they
 * could point inside).
 */
export function postWebhook(target: CheckedTarget, secret: string, body: string, now: Date, timeoutMs: number): Promise<PostResult> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(target.url, {
      method: 'POST',
      agent: false,
      lookup: pinnedLookup(target.addresses),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.once('response', (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(status >= 200 && status < 300 ? { ok: true } : { ok: false, reason: `receiver answered ${status}` });
    });
    req.once('error', (error) => resolve({ ok: false, reason: `receiver unreachable (${error.name})` }));
    req.end(body);
  });
}
