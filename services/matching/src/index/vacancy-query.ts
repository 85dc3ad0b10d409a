import { cheapBoundOf, evaluate, upperBound } from '../domain/evaluate.js';
import { occupationValue } from '../domain/factors.js';
import { WORKER_FLAGS, type MatchVacancy } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { IntList } from './int-list.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import type { WorkerIndex } from './worker-index.js';

const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;
const AVAILABILITY = AVAILABLE | WORKER_FLAGS.placed;

/**
 * Exact top-K workers for a vacancy. Candidates are visited by occupation
 * tier, most similar first, and the scan stops once the k-th score beats
 * what the next tier could reach at best; within a tier, a worker whose
 * cheap factors already cannot reach the k-th score is not fully scored.
 * With must-have skills, only holders of the rarest one are candidates.
 */
export class VacancyQuery {
  private stamps = new Uint32Array(0);
  private epoch = 0;
  private readonly buckets = TIER_VALUES.map(() => new IntList());
  /** Workers fully scored by the last query, and whether it had to scan everyone (for the benchmark). */
  scored = 0;
  scannedAll = false;

  constructor(private readonly workers: WorkerIndex) {}

  run(ctx: ScoringContext, v: MatchVacancy, k: number): Ranked[] {
    this.scored = 0;
    this.scannedAll = false;
    if (!v.open) return [];
    this.nextEpoch();
    const out = new TopKCollector(k);
    const required = this.requiredCandidates(ctx, v);
    if (required) this.runCandidates(ctx, v, required, out);
    else this.runTiers(ctx, v, out);
    return out.list;
  }

  private runTiers(ctx: ScoringContext, v: MatchVacancy, out: TopKCollector): void {
    const tiers = occupationTiers(ctx.tables, this.workers.byOccupation.lists.keys(), [v.occupation]);
    this.seed(ctx, v, this.sizeOf(tiers[0]!), 1, out);
    for (let t = 0; t < TIER_VALUES.length - 1; t += 1) {
      const value = TIER_VALUES[t]!;
      if (out.closedTo(upperBound(ctx, value))) return;
      for (const key of tiers[t]!) {
        const posting = this.workers.byOccupation.lists.get(key);
        if (posting) for (let i = 0; i < posting.length; i += 1) this.consider(ctx, v, posting.data[i]!, value, out);
      }
    }
    if (out.closedTo(upperBound(ctx, 0))) return;
    this.seed(ctx, v, this.workers.size, 0, out);
    if (out.closedTo(upperBound(ctx, 0))) return;
    this.scannedAll = true;
    const ids = this.workers.ids;
    for (let slot = 0; slot < ids.length; slot += 1) if (ids[slot] !== undefined) this.consider(ctx, v, slot, 0, out);
  }

  /**
   * Fills the list early with the likeliest winners: workers of the same
   * occupation holding the vacancy's heaviest skill. The k-th score is then
   * high from the start and the cheap bound skips most of the tier.
   */
  private seed(ctx: ScoringContext, v: MatchVacancy, scanSize: number, minOccupation: number, out: TopKCollector): void {
    if (v.skills.length === 0) return;
    let heaviest = 0;
    for (let j = 1; j < v.skills.length; j += 1) if (v.skillWeights[j]! > v.skillWeights[heaviest]!) heaviest = j;
    const posting = this.workers.bySkill.lists.get(v.skills[heaviest]!);
    if (!posting || posting.length > 2 * scanSize) return;
    for (let i = 0; i < posting.length; i += 1) {
      const slot = posting.data[i]!;
      if (this.stamps[slot] === this.epoch) continue;
      const w = this.workers.view(slot);
      const occupation = occupationValue(ctx.tables, w.lists, w.at, w.at + w.nOccupations, v.occupation);
      if (occupation >= minOccupation) this.consider(ctx, v, slot, occupation, out);
    }
  }

  private sizeOf(keys: number[]): number {
    let size = 0;
    for (const key of keys) size += this.workers.byOccupation.lists.get(key)?.length ?? 0;
    return size;
  }

  /**
   * Every worker who can pass the hard filters holds one of these postings:
   * the smallest set among each must-have skill, certificate and required
   * language (a skill or certificate counts with every one that covers it).
   */
  private requiredCandidates(ctx: ScoringContext, v: MatchVacancy): IntList[] | undefined {
    let best: IntList[] | undefined;
    let fewest = Number.POSITIVE_INFINITY;
    const offer = (postings: (IntList | undefined)[]) => {
      const present = postings.filter((p): p is IntList => p !== undefined);
      const n = present.reduce((sum, p) => sum + p.length, 0);
      if (n < fewest) [best, fewest] = [present, n];
    };
    const covering = (postings: { lists: Map<number, IntList> }, need: number) => ctx.tables.coveredBy(need).map((have) => postings.lists.get(have));
    for (const need of v.mustHave) offer(covering(this.workers.bySkill, need));
    for (const need of v.certificates) offer(covering(this.workers.byCertificate, need));
    for (const need of v.requiredLanguages) offer([this.workers.byLanguage.lists.get(need >> 8)]);
    return best;
  }

  /** Candidates from postings, bucketed by occupation tier, then visited like runTiers. */
  private runCandidates(ctx: ScoringContext, v: MatchVacancy, postings: IntList[], out: TopKCollector): void {
    for (const bucket of this.buckets) bucket.length = 0;
    for (const posting of postings) {
      for (let i = 0; i < posting.length; i += 1) {
        const slot = posting.data[i]!;
        if (this.stamps[slot] === this.epoch) continue;
        this.stamps[slot] = this.epoch;
        const w = this.workers.view(slot);
        const value = occupationValue(ctx.tables, w.lists, w.at, w.at + w.nOccupations, v.occupation);
        this.buckets[TIER_VALUES.indexOf(value as (typeof TIER_VALUES)[number])]?.push(slot);
      }
    }
    this.nextEpoch();
    for (let t = 0; t < TIER_VALUES.length; t += 1) {
      if (out.closedTo(upperBound(ctx, TIER_VALUES[t]!))) return;
      const bucket = this.buckets[t]!;
      for (let i = 0; i < bucket.length; i += 1) this.consider(ctx, v, bucket.data[i]!, TIER_VALUES[t]!, out);
    }
  }

  private consider(ctx: ScoringContext, v: MatchVacancy, slot: number, occupation: number, out: TopKCollector): void {
    if (this.stamps[slot] === this.epoch) return;
    this.stamps[slot] = this.epoch;
    const c = this.workers.columns;
    const flags = c.flags[slot]!;
    if ((flags & AVAILABILITY) !== AVAILABLE) return;
    if (
      out.full &&
      cheapBoundOf(ctx, v, occupation, c.qualification[slot]!, c.place[slot]!, c.maxCommuteTenths[slot]!, flags, c.expectedWageK[slot]!, c.experienceTenths[slot]!, c.priority[slot]!) <
        out.threshold
    )
      return;
    this.scored += 1;
    const w = this.workers.view(slot);
    out.offer(w.id, evaluate(ctx, w, v));
  }

  private nextEpoch(): void {
    if (this.stamps.length < this.workers.highWater) {
      this.stamps = new Uint32Array(Math.max(1024, this.workers.columns.capacity));
      this.epoch = 0;
    }
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
  }
}
