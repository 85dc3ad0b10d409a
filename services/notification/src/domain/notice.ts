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
