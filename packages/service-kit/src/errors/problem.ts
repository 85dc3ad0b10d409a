import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One invalid part of a request, as in RFC 9457's example `errors` member. */
export interface ProblemIssue {
  /** Which part of the request: body, querystring, params, headers. */
  in?: string;
  /** JSON pointer into that part, `#/phone`. */
  pointer: string;
  detail: string;
}

/** An RFC 9457 problem document with KetNoi's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: ProblemIssue[];
  details?: Record<string, unknown>;
  [extension: string]: unknown;
}

/** `VALIDATION_FAILED` → `urn:ketnoi:problem:validation-failed`: stable, documented per code. */
export const problemType = (code: string): string =>
  `urn:ketnoi:problem:${code.toLowerCase().replaceAll('_', '-')}`;

export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}
