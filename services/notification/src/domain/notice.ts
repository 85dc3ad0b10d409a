import type { WorkerChannel } from './types.js';

/**
 * What one notification to a worker is about: `key` names it (a matchId, `placement:<id>`,
 * `digest:<workerId>:<day>`), and `<key>:<channel>` is its delivery id on each channel.
 */
export interface Notice {
  key: string;
  workerId: string;
  /** The message (template) name, as published in notifications.v1. */
  template: string;
  causeEventId?: string | undefined;
}

/** A notification's delivery id on one channel: `<key>:<channel>` (its claim in the delivery log, its deferred entry). */
export const deliveryKey = (key: string, channel: WorkerChannel): string => `${key}:${channel}`;
