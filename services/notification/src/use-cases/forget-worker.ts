import type { NotificationDeps } from './deps.js';

/** Forgets an erased worker for good: contact (an erasure is final), inbox, preferences, digests. False when already forgotten. */
export async function forgetWorker(deps: NotificationDeps, workerId: string, at: Date): Promise<boolean> {
  const forgotten = await deps.contacts.erase(workerId, at);
  await deps.inbox.forget(workerId);
  await deps.preferences.forget(workerId);
  await deps.digests.forget(workerId);
  return forgotten;
}
