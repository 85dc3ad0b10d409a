import type { suppressionReason } from '@ketnoi/contracts';
import type { z } from 'zod';
import { isQuiet, quietEndsAt, type QuietHours } from './quiet-hours.js';
import { workerChannels, type Contact, type WorkerChannel } from './types.js';

export type SuppressionReason = z.infer<typeof suppressionReason>;

export type Delivery =
  | { channel: WorkerChannel; action: 'send' }
  | { channel: WorkerChannel; action: 'suppress'; reason: SuppressionReason }
  | { channel: WorkerChannel; action: 'defer'; until: Date };

export interface PlanInput {
  contact: Contact | null;
  now: Date;
  quietHours: QuietHours;
  withdrawn: boolean;
  capped: boolean;
}

const enabled = { 'in-app': 'inApp', sms: 'sms', email: 'email' } as const;

function refusal(contact: Contact | null, channel: WorkerChannel, input: PlanInput): SuppressionReason | null {
  if (!contact || contact.erased || !contact.consent) return 'no-consent';
  if (!contact.channels[enabled[channel]]) return 'opt-out';
  if (channel === 'sms' && !contact.phone) return 'no-address';
  if (channel === 'email' && !contact.email) return 'no-address';
  if (input.withdrawn) return 'withdrawn';
  if (input.capped) return 'cap';
  return null;
}

/** What to do on each channel for one match: send now, hold back (and why), or wait out the quiet hours. */
export function planDeliveries(input: PlanInput): Delivery[] {
  return workerChannels.map((channel): Delivery => {
    const reason = refusal(input.contact, channel, input);
    if (reason) return { channel, action: 'suppress', reason };
    if (channel === 'sms' && isQuiet(input.now, input.quietHours)) {
      return { channel, action: 'defer', until: quietEndsAt(input.now, input.quietHours) };
    }
    return { channel, action: 'send' };
  });
}

/** True when the plan would reach the worker at all (a capped worker costs no slot for nothing). */
export function reachesWorker(input: Omit<PlanInput, 'capped'>): boolean {
  const uncapped = { ...input, capped: false };
  // Only a refusal suppresses; a deferral still reaches the worker, so the quiet hours need not be worked out.
  return workerChannels.some((channel) => refusal(input.contact, channel, uncapped) === null);
}
