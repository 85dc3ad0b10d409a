import { KetNoiError } from '@ketnoi/errors';

/** An employer's API client (OAuth2 client credentials). The secret is kept only as a hash. */
export interface ClientState {
  employerId: string;
  label: string;
  secretHash: string;
  status: 'active' | 'revoked';
  createdAt: string;
  rotatedAt?: string;
  revokedAt?: string;
}

const revoked = () => new KetNoiError('CLIENT_REVOKED', 'The client is revoked; create a new one', { status: 409 });

export const newClient = (employerId: string, label: string, secretHash: string, now: Date): ClientState => ({
  employerId,
  label,
  secretHash,
  status: 'active',
  createdAt: now.toISOString(),
});

export function rotateClient(state: ClientState, secretHash: string, now: Date): ClientState {
  if (state.status !== 'active') throw revoked();
  return { ...state, secretHash, rotatedAt: now.toISOString() };
}

/** Revokes a client; null when it already is (revoking twice is fine). */
export function revokeClient(state: ClientState, now: Date): ClientState | null {
  if (state.status === 'revoked') return null;
  return { ...state, status: 'revoked', revokedAt: now.toISOString() };
}
