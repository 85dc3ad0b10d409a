import { PROBLEM_CONTENT_TYPE } from '../errors/problem.js';

/** RFC 9457 problem document as every KetNoi service answers an error. */
export const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'urn:ketnoi:problem:<code>' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable error code' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['pointer', 'detail'],
        properties: { in: { type: 'string' }, pointer: { type: 'string' }, detail: { type: 'string' } },
      },
    },
    details: { type: 'object' },
  },
} as const;

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  security?: unknown[];
  responses?: Record<string, unknown>;
}

type Document = { components?: { schemas?: Record<string, unknown> }; paths?: Record<string, Partial<Record<string, Operation>>> };

/**
 * Documents the errors every route can answer, so clients and fuzzers know
 * them: a `default` problem+json response on every operation, and 401/403
 * on the ones that need a token. Route-specific errors stay in the routes.
 */
export function withProblemResponses<T>(document: T): T {
  const doc = document as Document;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem: problemSchema } };
  for (const path of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      if (operation.security?.length) {
        responses['401'] ??= problemResponse('No token, or a token that is invalid or expired');
        responses['403'] ??= problemResponse('The token lacks the role this operation needs');
      }
      responses.default ??= problemResponse('An error, as an RFC 9457 problem document');
    }
  }
  return document;
}
