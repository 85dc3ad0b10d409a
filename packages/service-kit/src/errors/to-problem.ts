import type { FastifyError } from 'fastify';
import { isKetNoiError } from '@ketnoi/errors';
import { ZodError } from 'zod';
import { problem, type Problem } from './problem.js';
import { fromFastifyValidation, fromZodError } from './validation-issues.js';

const HIDDEN_DETAIL = 'An unexpected error occurred. Quote the requestId when reporting it.';

const fastifyStatus = (error: Partial<FastifyError>): number | undefined => {
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
};

/**
 * Turns anything thrown while answering a request into a problem document.
 * Only 4xx answers carry the error's own message; a 5xx says nothing of
 * internals and is logged instead.
 */
export function toProblem(error: unknown): Problem {
  if (isKetNoiError(error)) {
    if (error.status >= 500) return problem(error.status, error.code, HIDDEN_DETAIL);
    return problem(error.status, error.code, error.message, error.details ? { details: error.details } : {});
  }
  if (error instanceof ZodError) {
    return problem(400, 'VALIDATION_FAILED', 'The request is not valid', { errors: fromZodError(error) });
  }
  const fastifyError = (error ?? {}) as Partial<FastifyError>;
  if (Array.isArray(fastifyError.validation)) {
    return problem(400, 'VALIDATION_FAILED', 'The request is not valid', {
      errors: fromFastifyValidation(fastifyError.validation, fastifyError.validationContext),
    });
  }
  const status = fastifyStatus(fastifyError);
  if (status !== undefined && status < 500) {
    const code = typeof fastifyError.code === 'string' ? fastifyError.code : 'BAD_REQUEST';
    return problem(status, code, fastifyError.message ?? 'Bad request');
  }
  return problem(status ?? 500, 'INTERNAL', HIDDEN_DETAIL);
}
