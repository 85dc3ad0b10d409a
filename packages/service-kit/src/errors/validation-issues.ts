import type { FastifySchemaValidationError } from 'fastify';
import type { ZodError } from 'zod';
import type { ProblemIssue } from './problem.js';

const pointerOf = (path: readonly PropertyKey[]): string =>
  `#/${path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/** Issues found by fastify's schema validation (ajv or the zod compiler). */
export function fromFastifyValidation(
  validation: readonly FastifySchemaValidationError[],
  context: string | undefined,
): ProblemIssue[] {
  return validation.map((item) => ({
    ...(context === undefined ? {} : { in: context }),
    pointer: `#${item.instancePath}`,
    detail: item.message ?? 'is invalid',
  }));
}

/** Issues of a ZodError thrown by handler code that parsed its own input. */
export const fromZodError = (error: ZodError): ProblemIssue[] =>
  error.issues.map((issue) => ({ pointer: pointerOf(issue.path), detail: issue.message }));
