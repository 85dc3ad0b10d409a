import type { Logger } from 'pino';
import type { References } from '../domain/references.js';
import type { Stores } from '../repositories/stores.js';

/** What use cases work with: the stores, the reference lists and the clock (tests move it). */
export interface UseCaseContext {
  stores: Stores;
  references: References;
  now: () => Date;
  log: Logger;
  /** Wakes the outbox relay of `versions` (every relay without it) after a write, instead of waiting for its next poll. */
  kick: (versions?: { modelName: string }) => void;
}
