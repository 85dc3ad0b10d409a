import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { BEARER_SCHEME } from './bearer-scheme.js';
import { withProblemResponses } from './problem-responses.js';

export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
}

export { BEARER_SCHEME };

/**
 * OpenAPI 3.1 generated from the routes' zod schemas, with Swagger UI at
 * `/docs` and the document at `/docs/json`. Every operation documents its
 * error answers (problem+json).
 */
export const openApiPlugin = fp(
  async (app: FastifyInstance, { title, version, description }: OpenApiOptions) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title, version, ...(description ? { description } : {}) },
        components: {
          securitySchemes: { [BEARER_SCHEME]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) => withProblemResponses(jsonSchemaTransformObject(input)),
    });
    await app.register(swaggerUi, { routePrefix: '/docs', logLevel: 'warn' });
  },
  { name: 'ketnoi-openapi', fastify: '5.x' },
);
