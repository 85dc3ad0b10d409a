import type { FastifyRequest } from 'fastify';
import { discriminatoryRequirement, findForbiddenFields } from '../domain/forbidden-requirements.js';

/**
 * Before schema validation: a field such as `gender` would otherwise be
 * refused as merely unknown; it deserves the clear, legal reason.
 */
export async function refuseForbiddenFields(request: FastifyRequest): Promise<void> {
  const findings = findForbiddenFields(request.body);
  if (findings.length > 0) throw discriminatoryRequirement(findings);
}
