import { unavailable } from '@ketnoi/errors';
import type { DeliveryState } from '../repositories/deliveries.js';
import type { DigestDoc } from '../repositories/digests.js';
import type { WebhookJob } from '../repositories/webhook-queue.js';
import type { SubscriptionDoc } from '../repositories/webhook-subscriptions.js';
import { takeCapSlot } from './cap-slots.js';
import { digestIdOf, digestSlot, type DigestSlot } from './digest.js';
import { localDay } from './local-day.js';
import type { MatchNotice } from './match-notice.js';
import { isOver, type MatchState } from './match-state.js';
import { deliveryKey } from './notice.js';
import { planDeliveries, reachesWorker, type Delivery } from './plan-deliveries.js';
import type { QuietHours } from './quiet-hours.js';
import type { Contact, JobSummary, WorkerChannel } from './types.js';
import { webhookJobs } from './webhook-jobs.js';

/** What a batch of matches.v1 events needs to know, read once for the whole batch; the judge keeps it up to date as it goes. */
export interface MatchBatchKnown {
  contacts: ReadonlyMap<string, Contact>;
  digestWorkers: ReadonlySet<string>;
  /** vacancyId → employerId, for the vacancies known. */
  employerOf: ReadonlyMap<string, string>;
  /** vacancyId → job, where the vacancy and its employer are known. */
  jobs: ReadonlyMap<string, JobSummary>;
  /** employerId → subscriptions, oldest first. */
  subscriptions: ReadonlyMap<string, readonly SubscriptionDoc[]>;
  /** Webhook deliveries queued before. */
  webhookClaims: Set<string>;
  /** By matchId. */
  states: Map<string, MatchState>;
  /** The day's cap slots: slot id → matchId. */
  capHolders: Map<string, string>;
  /** Delivery-log steps by `_id` (`<key>:<channel>` claims, `…:2` outcomes). */
  steps: Map<string, DeliveryState>;
  sentDigests: ReadonlySet<string>;
}

/** Nothing known yet (a batch of withdrawals and score updates only reads nothing). */
export const emptyKnown = (): MatchBatchKnown => ({
  contacts: new Map(),
  digestWorkers: new Set(),
  employerOf: new Map(),
  jobs: new Map(),
  subscriptions: new Map(),
  webhookClaims: new Set(),
  states: new Map(),
  capHolders: new Map(),
  steps: new Map(),
  sentDigests: new Set(),
});

export interface MatchRules {
  quietHours: QuietHours;
  digestTime: string;
  dailyCap: number;
  /**
   * How long a proposal for a worker whose contact is not projected yet
   * waits for it (retriable). Every registered worker's contact
   * is published with the worker, but on worker-contacts.v1, read by another
   * consumer: a first match can arrive before it. Past the wait, no contact
   * means none will come, and the proposal is judged without one.
   */
  contactWaitMs: number;
}

/** A claim to write: the planned delivery, and for a digest fold which digest it went to. */
export type NewClaim = { delivery: Delivery; state: DeliveryState; digestId?: string };

/** What one match.proposed comes to, to be written and sent by the use case. */
export interface JudgedMatch {
  notice: MatchNotice;
  contact: Contact | null;
  job: JobSummary | null;
  plan: Delivery[];
  webhooks: WebhookJob[];
  capSlot: string | null;
  digest: DigestDoc | null;
  claims: NewClaim[];
  /** Channels whose claim was found without an outcome: a try cut short by a crash, to settle. */
  unrecorded: WorkerChannel[];
}

export interface ProposedMatch {
  notice: MatchNotice;
  score: number;
  rank: number;
}

/**
 * Judges matches.v1 events in offset order against what was read for the
 * batch and what the batch itself did before (a withdrawal earlier in the
 * batch, a cap slot taken by an earlier match of the worker, a claim made by
 * the same match delivered twice): the same decisions, one by one, as if
 * each event had been handled on its own. No I/O.
 */
export class MatchBatch {
  /** The local day and digest slots depend on `now` only: worked out once per batch, not per proposal (Intl formatting). */
  private readonly today: string;
  private readonly digestSlots = new Map<number, Omit<DigestSlot, 'digestId'>>();

  constructor(
    private readonly known: MatchBatchKnown,
    private readonly rules: MatchRules,
    private readonly now: Date,
  ) {
    this.today = MatchBatch.day(now, rules.quietHours);
  }

  /** The days whose cap slots and digests a batch judged at `now` may touch. */
  static day(now: Date, quietHours: QuietHours): string {
    return localDay(now, quietHours.timeZone);
  }

  withdraw(matchId: string, at: Date): void {
    this.known.states.set(matchId, { ...this.known.states.get(matchId), withdrawnAt: at });
  }

  propose({ notice, score, rank }: ProposedMatch): JudgedMatch {
    const { known, rules, now } = this;
    const employerId = known.employerOf.get(notice.vacancyId);
    if (!employerId) throw unavailable(`vacancy ${notice.vacancyId} not projected yet`);
    if (!known.contacts.has(notice.workerId) && now.getTime() - notice.proposedAt.getTime() < rules.contactWaitMs) {
      throw unavailable(`contact of worker ${notice.workerId} not projected yet`);
    }
    const webhooks = webhookJobs(
      known.subscriptions.get(employerId) ?? [],
      {
        employerId,
        type: 'candidate.proposed',
        causeId: notice.matchId,
        occurredAt: notice.proposedAt,
        data: { vacancyId: notice.vacancyId, matchId: notice.matchId, candidateId: notice.workerId, score, rank },
      },
      now,
    ).filter((job) => !known.webhookClaims.has(job._id));
    for (const job of webhooks) known.webhookClaims.add(job._id);

    const contact = known.contacts.get(notice.workerId) ?? null;
    const withdrawn = isOver(known.states.get(notice.matchId), notice.proposedAt);
    const base = { contact, now, quietHours: rules.quietHours, withdrawn };
    const reaches = reachesWorker(base);
    const job = reaches ? (known.jobs.get(notice.vacancyId) ?? null) : null;
    // The vacancy and employer projections are fed by another consumer: wait for them.
    if (reaches && !job) throw unavailable(`vacancy ${notice.vacancyId} or its employer not projected yet`);
    const judged = { notice, contact, job, webhooks, capSlot: null, digest: null, claims: [], unrecorded: [] };
    if (reaches && known.digestWorkers.has(notice.workerId)) return this.fold({ ...judged, plan: planDeliveries({ ...base, capped: false }) });
    const slot = reaches ? takeCapSlot(known.capHolders, notice.workerId, this.today, notice.matchId, rules.dailyCap) : 'held';
    const plan = planDeliveries({ ...base, capped: slot === null });
    const result: JudgedMatch = { ...judged, plan, capSlot: slot === 'held' ? null : slot };
    for (const delivery of plan) {
      const id = deliveryKey(notice.matchId, delivery.channel);
      if (!known.steps.has(id)) {
        const claimState = delivery.action === 'suppress' ? 'suppressed' : delivery.action === 'defer' ? 'deferred' : 'sending';
        result.claims.push({ delivery, state: claimState });
        known.steps.set(id, claimState);
        // This batch records the outcome of its own sends: a second delivery of the match in it finds one.
        if (claimState === 'sending') known.steps.set(`${id}:2`, 'sent');
      } else {
        this.noteUnrecorded(result, delivery.channel);
      }
    }
    return result;
  }

  /** A claim of the match's channel found `sending` without an outcome (a crash cut its try short): to settle, once. */
  private noteUnrecorded(judged: JudgedMatch, channel: WorkerChannel): void {
    const id = deliveryKey(judged.notice.matchId, channel);
    if (this.known.steps.get(id) !== 'sending' || this.known.steps.has(`${id}:2`)) return;
    judged.unrecorded.push(channel);
    // Settled with this batch: a second delivery of the match in it finds an outcome.
    this.known.steps.set(`${id}:2`, 'sent');
  }

  private digestSlot(workerId: string, at: Date): DigestSlot {
    const { day, dueAt } = sharedSlot(this.digestSlots, at, this.rules);
    return { digestId: digestIdOf(workerId, day), day, dueAt };
  }

  /**
   * A match for a worker who chose the daily digest: each channel that would
   * have carried it is suppressed `digest` (naming the digest), refused ones
   * as usual, and the match joins the next digest not sent yet.
   */
  private fold(judged: JudgedMatch): JudgedMatch {
    const { known, now } = this;
    const { notice } = judged;
    let slot = this.digestSlot(notice.workerId, now);
    // A late poller may have sent this slot's digest already: the match goes to the next one.
    if (known.sentDigests.has(slot.digestId)) slot = this.digestSlot(notice.workerId, new Date(slot.dueAt.getTime() + 60_000));
    let folded = false;
    for (const delivery of judged.plan) {
      const id = deliveryKey(notice.matchId, delivery.channel);
      if (known.steps.has(id)) {
        // A try cut short before the worker chose the digest: settled like any other (recorded uncertain, as no digest carries it).
        this.noteUnrecorded(judged, delivery.channel);
        continue;
      }
      known.steps.set(id, 'suppressed');
      const digest = delivery.action !== 'suppress';
      folded ||= digest;
      judged.claims.push(digest ? { delivery: { channel: delivery.channel, action: 'suppress', reason: 'digest' }, state: 'suppressed', digestId: slot.digestId } : { delivery, state: 'suppressed' });
    }
    const digest = folded ? { _id: slot.digestId, workerId: notice.workerId, day: slot.day, dueAt: slot.dueAt } : null;
    return { ...judged, digest, plan: judged.claims.map((c) => c.delivery) };
  }
}

/** The same slot for every worker of the batch at `at` but for its id. */
function sharedSlot(slots: Map<number, Omit<DigestSlot, 'digestId'>>, at: Date, rules: MatchRules): Omit<DigestSlot, 'digestId'> {
  let slot = slots.get(at.getTime());
  if (!slot) slots.set(at.getTime(), (slot = digestSlot('', at, rules.digestTime, rules.quietHours)));
  return slot;
}

/** The digest slots a batch judged at `now` may fold into, for the `digests_sent` read. */
export function digestIdsFor(workerIds: Iterable<string>, now: Date, rules: MatchRules): string[] {
  const { day } = digestSlot('', now, rules.digestTime, rules.quietHours);
  return [...workerIds].map((workerId) => digestIdOf(workerId, day));
}
