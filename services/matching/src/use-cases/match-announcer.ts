import { matchesTopic, type TopicEventInput } from '@ketnoi/contracts';
import { buildEvent, type EventPublisher } from '@ketnoi/messaging';
import { afterAnnouncing, diffTopK, type Announced } from '../domain/diff-top-k.js';
import { explain } from '../domain/explain.js';
import type { MatchEngine } from '../engine/match-engine.js';
import type { MatchListDoc, ProjectionStore } from '../repositories/projection-store.js';
import { SEND_CHUNK, sendMatchEvents, type MatchEvent } from './batch-outbox.js';
import { matchEventInputs } from './match-events.js';
import type { TouchedLists } from './touched-lists.js';

export { matchIdOf } from './match-events.js';

/**
 * Turns changed top-K lists into matches.v1 events (keyed by vacancy),
 * sends them, and saves the lists with what was announced of them. Events
 * are built once, when planned: a send that fails is retried with the same
 * events (same CloudEvents ids), and they stay owed until the broker has
 * them.
 */
export class MatchAnnouncer {
  constructor(
    private readonly engine: MatchEngine,
    private readonly store: ProjectionStore,
    private readonly publisher: EventPublisher,
    private readonly now: () => Date,
  ) {}

  /** vacancyId → its list as last published (score and rank consumers know). */
  private readonly announced = new Map<string, Announced[]>();
  /** Planned but not yet on the broker, in order. */
  private readonly outbox: MatchEvent[] = [];

  restore(vacancyId: string, announced: Announced[]): void {
    this.announced.set(vacancyId, announced);
  }

  get owed(): number {
    return this.outbox.length;
  }

  /** Diffs each touched list, as it is now, against what consumers know; returns the number of events planned. */
  plan(touched: TouchedLists): number {
    const at = this.now().toISOString();
    const { ctx } = this.engine;
    const inputs: TopicEventInput<typeof matchesTopic>[] = [];
    for (const vacancyId of touched.vacancyIds()) {
      const vacancy = this.engine.vacancies.get(vacancyId);
      const before = this.announced.get(vacancyId) ?? [];
      const after = this.engine.topOfVacancy(vacancyId);
      const deltas = diffTopK(before, after, ctx.config, (workerId) => touched.reasonFor(vacancyId, workerId));
      const announced = afterAnnouncing(before, after, deltas);
      if (announced.length === 0) this.announced.delete(vacancyId);
      else this.announced.set(vacancyId, announced);
      inputs.push(
        ...matchEventInputs(vacancyId, deltas, ctx.config.version, at, (workerId) => {
          const worker = this.engine.workers.get(workerId);
          return worker && vacancy ? explain(ctx, worker, vacancy) : undefined;
        }),
      );
    }
    for (const input of inputs) this.outbox.push(buildEvent(matchesTopic, input, this.publisher.source, this.now));
    return inputs.length;
  }

  /** Sends what is owed, oldest first; each chunk leaves the outbox once the broker has it. */
  async send(): Promise<void> {
    while (this.outbox.length > 0) {
      const chunk = this.outbox.slice(0, SEND_CHUNK);
      await this.publisher.send(matchesTopic, chunk);
      this.outbox.splice(0, chunk.length);
    }
  }

  /** The last `count` events planned (not yet sent). */
  planned(count: number): MatchEvent[] {
    return count === 0 ? [] : this.outbox.slice(-count);
  }

  /** Sends events recorded by a run that was cut short, with their ids. */
  resend(events: readonly MatchEvent[]): Promise<void> {
    return sendMatchEvents(this.publisher, events);
  }

  /** Saves these lists as they are now, in one round trip. */
  async save(vacancyIds: Iterable<string>): Promise<void> {
    await this.store.saveMatchLists(this.listDocs(vacancyIds));
  }

  /** The lists as they are to be saved: current scores, and what consumers last heard of each entry. */
  listDocs(vacancyIds: Iterable<string>): MatchListDoc[] {
    return [...vacancyIds].map((vacancyId) => this.listDoc(vacancyId));
  }

  private listDoc(vacancyId: string): MatchListDoc {
    const scores = new Map(this.engine.topOfVacancy(vacancyId).map((entry) => [entry.id, entry.score]));
    return {
      _id: vacancyId,
      scoringVersion: this.engine.ctx.config.version,
      entries: (this.announced.get(vacancyId) ?? []).map((entry) => ({
        workerId: entry.id,
        score: scores.get(entry.id) ?? entry.score,
        publishedScore: entry.score,
        publishedRank: entry.rank,
      })),
      updatedAt: this.now(),
    };
  }
}
