/** `ignored`: a type the subscription does not want. */
export type HandledOutcome = 'ok' | 'duplicate' | 'retried' | 'dead-lettered' | 'ignored';

/** Hooks for metrics; service-kit implements it with prom-client. */
export interface EventObserver {
  handled(input: { topic: string; type: string; outcome: HandledOutcome; seconds: number }): void;
  published(input: { topic: string; type: string; count: number }): void;
  lag(input: { topic: string; partition: number; group: string; lag: number }): void;
}

export const silentObserver: EventObserver = {
  handled: () => undefined,
  published: () => undefined,
  lag: () => undefined,
};
