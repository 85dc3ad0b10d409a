import type { Logger } from 'pino';
import type { TokenSigner } from '../domain/tokens.js';
import type { Projections } from '../repositories/projections.js';
import type { Stores } from '../repositories/stores.js';

/** What use cases get: storage, projections, the token signer, the clock and the settings. */
export interface JobFairsContext {
  stores: Stores;
  projections: Projections;
  signer: TokenSigner;
  now: () => Date;
  log: Logger;
  /** Wakes the outbox relays after a write, so events go out at once. */
  kick: () => void;
  gridMinutes: number;
  linkTtlHours: number;
}
