import type { Logger } from 'pino';

export type Fetch = typeof fetch;

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HttpClientOptions {
  baseUrl: string;
  fetch: Fetch;
  logger: Logger;
  /** Tries for a 429, a 5xx or a network error before giving up. */
  attempts?: number;
}

/** Problem details (RFC 9457) as KetNoi services answer them. */
export interface Problem {
  code?: string;
  detail?: string;
  details?: Record<string, unknown>;
}

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${method} ${path}: ${status} ${problem.code ?? ''} ${problem.detail ?? ''}`.trim());
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds of a Retry-After header, bounded to a minute. */
const retryAfterMs = (headers: Headers, attempt: number): number => {
  const seconds = Number(headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1_000 : Math.min(200 * 2 ** attempt, 10_000);
};

/**
 * A small JSON client of a KetNoi service: answers come back as they are
 * (the caller decides what a 409 means); rate limits, 5xx and network
 * errors are retried with backoff a bounded number of times.
 */
export function httpClient({ baseUrl, fetch, logger, attempts = 6 }: HttpClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');
  return async function request<T = unknown>(method: string, path: string, init: { token?: string; body?: unknown; form?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = init.form.toString();
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(`${root}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      } catch (error) {
        if (attempt >= attempts) throw new Error(`${method} ${path}: ${(error as Error).message}`, { cause: error });
        logger.warn({ method, path, attempt }, 'request failed, retrying');
        await wait(retryAfterMs(new Headers(), attempt));
        continue;
      }
      const text = await response.text();
      const parsed = text === '' ? undefined : safeJson(text);
      if ((response.status === 429 || response.status >= 500) && attempt < attempts) {
        logger.warn({ method, path, status: response.status, attempt }, 'retrying');
        await wait(retryAfterMs(response.headers, attempt));
        continue;
      }
      return { status: response.status, body: parsed as T, headers: response.headers };
    }
  };
}

export type HttpRequest = ReturnType<typeof httpClient>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 500) };
  }
}

/** Throws an HttpError unless the status is one of `ok`. */
export function expectStatus<T>(answer: HttpAnswer<T>, method: string, path: string, ...ok: number[]): HttpAnswer<T> {
  if (!ok.includes(answer.status)) throw new HttpError(method, path, answer.status, (answer.body ?? {}) as Problem);
  return answer;
}
