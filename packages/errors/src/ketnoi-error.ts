export interface KetNoiErrorOptions {
  /** HTTP status when the error reaches an HTTP client. */
  status?: number;
  /** True when trying again later may succeed (a dependency was down, a timeout). */
  retriable?: boolean;
  /** Safe, structured details for the client (never personal data). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type KetNoi code throws on purpose. `code` is stable and
 * documented; `retriable` tells consumers whether to retry or dead-letter.
 */
export class KetNoiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retriable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: KetNoiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KetNoiError';
    this.code = code;
    this.status = options.status ?? 500;
    this.retriable = options.retriable ?? false;
    this.details = options.details;
  }
}

export const isKetNoiError = (error: unknown): error is KetNoiError =>
  error instanceof KetNoiError;
