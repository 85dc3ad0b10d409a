import { createHmac } from 'node:crypto';
import { secretKey } from './secret-key.js';

/**
 * Keyed hash of a citizen-ID for look-up and de-duplication: equal numbers
 * give equal hashes, and without the key nobody can test a guessed number.
 */
export const citizenIdHash = (hashKey: Buffer, citizenId: string): string =>
  createHmac('sha256', secretKey(hashKey)).update(`cccd:${citizenId}`).digest('base64url');
