import { aggregateId } from '@ketnoi/contracts';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { z } from 'zod';
import type { ClientState } from '../../domain/client.js';

export const clientParams = z.strictObject({ employerId: aggregateId, clientId: aggregateId });
export const createClientBody = z.strictObject({ label: z.string().min(1).max(100).describe('What the client is, e.g. "HR system"') });

export const clientView = z.object({
  clientId: aggregateId,
  employerId: aggregateId,
  label: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  rotatedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});

/** The only answer that shows a secret: right after it is made. */
export const issuedClientView = clientView.extend({
  clientSecret: z.string().describe('Shown once; store it now. Only its hash is kept.'),
});

export const clientList = z.object({ items: z.array(clientView) });

export const toClientView = ({ id, state }: AggregateVersion<ClientState>): z.infer<typeof clientView> => ({
  clientId: id,
  employerId: state.employerId,
  label: state.label,
  status: state.status,
  createdAt: state.createdAt,
  ...(state.rotatedAt === undefined ? {} : { rotatedAt: state.rotatedAt }),
  ...(state.revokedAt === undefined ? {} : { revokedAt: state.revokedAt }),
});
