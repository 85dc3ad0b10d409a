export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** One HTTP call with a JSON body and a bearer token; a network failure is `null`. */
export async function call(url: string, { method = 'GET', token, body, headers = {}, timeoutMs = 15_000 }: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Answer | null> {
  try {
    const response = await fetch(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const json = text && (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: response.status, body: json };
  } catch {
    return null;
  }
}

/** Worth sending again (with the same Idempotency-Key): no answer, 5xx, 429, 408. */
export const retriable = (answer: Answer | null): boolean => answer === null || answer.status >= 500 || answer.status === 429 || answer.status === 408;

/**
 * Sends until a final answer (2xx or a 4xx that is not 408/429) or the
 * deadline; `null` when it never got one (the outcome is unknown: the server
 * may have done it). Every attempt carries the same request, so an
 * Idempotency-Key makes the retries safe.
 */
export async function callUntilFinal(url: string, options: Parameters<typeof call>[1], deadline: number): Promise<Answer | null> {
  let delay = 250;
  for (;;) {
    const answer = await call(url, options);
    if (!retriable(answer)) return answer;
    if (Date.now() + delay > deadline) return null;
    await new Promise((done) => setTimeout(done, delay));
    delay = Math.min(delay * 2, 4_000);
  }
}
