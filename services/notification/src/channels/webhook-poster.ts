import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../domain/webhook-signature.js';

export type PostResult = { ok: true } | { ok: false; reason: string };

/** POSTs a signed webhook body; redirects are not followed (they could point inside). */
export async function postWebhook(url: string, secret: string, body: string, now: Date, timeoutMs: number): Promise<PostResult> {
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? { ok: true } : { ok: false, reason: `receiver answered ${response.status}` };
  } catch (error) {
    return { ok: false, reason: `receiver unreachable (${(error as Error).name})` };
  }
}
