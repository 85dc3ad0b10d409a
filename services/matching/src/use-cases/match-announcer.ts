import { matchesTopic, type TopicEventInput } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import { afterAnnouncing, diffTopK, type Announced, type WithdrawReason } from '../domain/diff-top-k.js';
import { explain } from '../domain/explain.js';
import type { ListChange, MatchEngine } from '../engine/match-engine.js';
import type { ProjectionStore } from '../repositories/projection-store.js';

export const matchIdOf = (vacancyId: string, workerId: string): string => `${vacancyId}:${workerId}`;

/**
 * Publishes what changed in each touched top-K list on matches.v1 (keyed by
 * vacancy), then saves the lists. Publish first: a crash in between re-sends
 * on replay (at least once) rather than losing an announcement.
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

  restore(vacancyId: string, announced: Announced[]): void {
    this.announced.set(vacancyId, announced);
  }

  async announce(changes: ListChange[], reasonFor: (workerId: string) => WithdrawReason): Promise<number> {
    const events: TopicEventInput<typeof matchesTopic>[] = [];
    const at = this.now().toISOString();
    const { ctx } = this.engine;
    const next = new Map<string, Announced[]>();
    for (const change of changes) {
      const vacancy = this.engine.vacancies.get(change.vacancyId);
      const before = next.get(change.vacancyId) ?? this.announced.get(change.vacancyId) ?? change.before.map((e, i) => ({ ...e, rank: i + 1 }));
      const deltas = diffTopK(before, change.after, ctx.config, reasonFor);
      next.set(change.vacancyId, afterAnnouncing(before, change.after, deltas));
      for (const delta of deltas) {
        const ids = { matchId: matchIdOf(change.vacancyId, delta.workerId), vacancyId: change.vacancyId, workerId: delta.workerId };
        if (delta.kind === 'withdrawn') {
          events.push({ type: 'match.withdrawn', subject: change.vacancyId, data: { ...ids, reason: delta.reason, at } });
          continue;
        }
        const worker = this.engine.workers.get(delta.workerId);
        if (!worker || !vacancy) continue;
        const explanation = explain(ctx, worker, vacancy);
        events.push({
          type: delta.kind === 'proposed' ? 'match.proposed' : 'match.updated',
          subject: change.vacancyId,
          data: { ...ids, score: delta.score, rank: delta.rank, scoringVersion: ctx.config.version, factors: explanation.factors, boost: explanation.boost, at },
        });
      }
    }
    for (let i = 0; i < events.length; i += 500) await this.publisher.publish(matchesTopic, events.slice(i, i + 500));
    for (const [vacancyId, announced] of next) {
      if (announced.length === 0) this.announced.delete(vacancyId);
      else this.announced.set(vacancyId, announced);
      const scores = new Map(this.engine.topOfVacancy(vacancyId).map((entry) => [entry.id, entry.score]));
      await this.store.saveMatches({
        _id: vacancyId,
        scoringVersion: ctx.config.version,
        entries: announced.map((entry) => ({ workerId: entry.id, score: scores.get(entry.id) ?? entry.score, publishedScore: entry.score, publishedRank: entry.rank })),
        updatedAt: this.now(),
      });
    }
    return events.length;
  }
}
