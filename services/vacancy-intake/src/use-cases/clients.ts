import { notFound } from '@ketnoi/errors';
import type { AggregateVersion } from '@ketnoi/service-kit';
import { decoyHash, hashSecret, newClientSecret, verifySecret } from '../auth/client-secret.js';
import { newClient, revokeClient, rotateClient, type ClientState } from '../domain/client.js';
import { assertActive } from '../domain/employer.js';
import { newId } from '../domain/ids.js';
import type { UseCaseContext } from './context.js';
import { getEmployer } from './employers.js';
import { retryOnConflict } from './retry-on-conflict.js';

export interface IssuedSecret {
  client: AggregateVersion<ClientState>;
  /** Shown once, never stored. */
  secret: string;
}

async function clientOf(ctx: UseCaseContext, employerId: string, clientId: string): Promise<AggregateVersion<ClientState>> {
  const client = await ctx.stores.clients.get(clientId);
  if (!client || client.state.employerId !== employerId) throw notFound('Client');
  return client;
}

export async function createClient(ctx: UseCaseContext, employerId: string, label: string): Promise<IssuedSecret> {
  assertActive((await getEmployer(ctx, employerId)).state);
  const secret = newClientSecret();
  const now = ctx.now();
  const clientId = newId('cli', now.getTime());
  const client = await ctx.stores.clients.save({
    id: clientId,
    expectedVersion: 0,
    state: newClient(employerId, label, await hashSecret(secret), now),
    events: [],
  });
  return { client, secret };
}

export async function listClients(ctx: UseCaseContext, employerId: string): Promise<AggregateVersion<ClientState>[]> {
  const heads = await ctx.stores.clients.heads.find({ employerId }).sort({ _id: 1 }).limit(200).lean();
  return heads.map(({ _id, version, updatedAt, ...state }) => ({ id: _id, version, updatedAt, state: state as unknown as ClientState }));
}

/** A new secret for a client; the old one stops working at once. */
export async function rotateClientSecret(ctx: UseCaseContext, employerId: string, clientId: string): Promise<IssuedSecret> {
  const secret = newClientSecret();
  const secretHash = await hashSecret(secret);
  const client = await retryOnConflict(async () => {
    const current = await clientOf(ctx, employerId, clientId);
    const state = rotateClient(current.state, secretHash, ctx.now());
    return ctx.stores.clients.save({ id: clientId, expectedVersion: current.version, state, events: [] });
  });
  return { client, secret };
}

export async function revokeClientAccess(ctx: UseCaseContext, employerId: string, clientId: string): Promise<void> {
  await retryOnConflict(async () => {
    const current = await clientOf(ctx, employerId, clientId);
    const state = revokeClient(current.state, ctx.now());
    if (state !== null) await ctx.stores.clients.save({ id: clientId, expectedVersion: current.version, state, events: [] });
  });
}

/** The client whose id and secret these are, if it is active; null otherwise (in the same time either way). */
export async function authenticateClient(ctx: UseCaseContext, clientId: string, secret: string): Promise<AggregateVersion<ClientState> | null> {
  const client = /^cli_[0-9A-Z]{26}$/.test(clientId) ? await ctx.stores.clients.get(clientId) : null;
  const matches = await verifySecret(secret, client?.state.secretHash ?? (await decoyHash()));
  return client && matches && client.state.status === 'active' ? client : null;
}
