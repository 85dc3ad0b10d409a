import type { Logger } from 'pino';
import type { Applied } from '../use-cases/matching-service.js';

/** A batch's outcomes as the consumer counts them, logged as one line. */
export function outcomesOf(outcomes: readonly Applied[], log: Logger, message: string): ('ok' | 'duplicate')[] {
  const applied = outcomes.filter((outcome) => outcome === 'applied').length;
  log.debug({ events: outcomes.length, applied, duplicates: outcomes.length - applied }, message);
  return outcomes.map((outcome) => (outcome === 'duplicate' ? 'duplicate' : 'ok'));
}
