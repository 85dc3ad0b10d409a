import { matchesTopic, type TopicEvent } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';

export type MatchEvent = TopicEvent<typeof matchesTopic>;

/** Events per send: a few hundred kB, well under the broker's 1 MB record batch. */
export const SEND_CHUNK = 500;

/** Sends matches.v1 events in order, SEND_CHUNK to a produce request. */
export async function sendMatchEvents(publisher: EventPublisher, events: readonly MatchEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += SEND_CHUNK) await publisher.send(matchesTopic, events.slice(i, i + SEND_CHUNK));
}

/** What a batch announces, recorded before it is sent: its events (ids fixed) and whatever state is saved with them. */
export interface RecordedBatch {
  events: Record<string, unknown>[];
}

/** Where one writer keeps its records: a collection of its own, emptied once every record in it is written. */
export interface OutboxStore<R extends RecordedBatch> {
  record(record: R): Promise<void>;
  recorded(): Promise<R[]>;
  forgetAll(): Promise<void>;
}

/** How a record is finished after a crash: its events sent again (same ids), its state saved. */
export interface Finishing<R extends RecordedBatch> {
  resend: (events: readonly MatchEvent[]) => Promise<void>;
  save: (record: R) => Promise<void>;
}

/**
 * The outbox protocol of a batch of matches.v1 events, shared by the single
 * instance and the merge stage: record (one insert), send, save, forget
 * (empty the collection). A crash after the record is finished by
 * `finishCut` with the same events; a crash before it sent nothing. A step
 * that fails leaves the record open, so the next `write` forgets it once
 * its own work is done (batches are written one at a time).
 */
export class BatchOutbox<R extends RecordedBatch> {
  private open = false;

  constructor(
    private readonly store: OutboxStore<R>,
    private readonly finishing: Finishing<R>,
  ) {}

  /** `record` is absent when there is nothing new to record; `send` then sends whatever is still owed. */
  async write(record: R | undefined, steps: { send: () => Promise<void>; save: () => Promise<void> }): Promise<void> {
    if (record) {
      await this.store.record(record);
      this.open = true;
    }
    await steps.send();
    await steps.save();
    if (this.open) await this.store.forgetAll();
    this.open = false;
  }

  /** Finishes the batches cut short after their record, oldest first; returns how many, and their events. */
  async finishCut(): Promise<{ batches: number; events: number }> {
    const cut = await this.store.recorded();
    let events = 0;
    for (const record of cut) {
      await this.finishing.resend(record.events as unknown as MatchEvent[]);
      await this.finishing.save(record);
      events += record.events.length;
    }
    if (cut.length > 0) await this.store.forgetAll();
    this.open = false;
    return { batches: cut.length, events };
  }
}
