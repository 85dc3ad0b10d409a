import { cheapBoundOf, evaluate, upperBound } from '../domain/evaluate.js';
import { skillsValue } from '../domain/factors.js';
import { WORKER_FLAGS, type MatchVacancy } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { workerGroupBound } from '../domain/group-bounds.js';
import { IntList, type Postings } from './int-list.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import type { PlaceSummary } from './place-summary.js';
import { essentialSkills } from './essential-skills.js';
import { languageGaps } from './language-ceiling.js';
import { groupLocal, memberLocation, type GroupLocal } from './group-location.js';
import { SkillCeiling } from './skill-ceiling.js';
import { groupKey, OccupationGroups, type WorkerGroup } from './worker-group.js';
import type { WorkerColumns } from './worker-columns.js';
import type { WorkerBlock } from './worker-extremes.js';
import { NATIONAL_LANGUAGE, occupationSkillKey, type WorkerIndex } from './worker-index.js';

const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;
const AVAILABILITY = AVAILABLE | WORKER_FLAGS.placed;
/** Added to bounds derived by subtraction, so that rounding never puts them below a score. */
const MARGIN = 1e-9;
/** Up to this many must-have holders, they are bucketed and visited directly; beyond, the groups are visited with them as a filter. */
const FEW_CANDIDATES = 20_000;
/** Most holders of the heaviest skill in the vacancy's occupation scored first, to raise the k-th score early. */
const SEED_SAMPLE = 4096;
/** Another must-have's holders are walked to narrow the candidates when at most this many times as many (see VacancyQuery.allow). */
const OTHERS_FACTOR = 8;
/** Members of a group whose masks are read together (considerRun): a quarter of a block of 16 (WorkerGroup.subSize). */
const RUN = 4;
/** Numbers every visitGroups call, of any query over any index (PlaceSummary.boundPass). */
let boundPasses = 0;

/**
 * Exact top-K workers for a vacancy. Candidates are visited by occupation
 * tier, most similar first, and the scan stops once the k-th score beats
 * what the next tier could reach at best; within a tier, by (occupation,
 * place) group, best group bound first, skipping every group whose bound is
 * below the k-th score; within a group, a worker whose cheap factors already
 * cannot reach the k-th score is not fully scored.
 * With must-have skills, only holders of the rarest one are candidates.
 */
export class VacancyQuery {
  private stamps = new Uint32Array(0);
  private epoch = 0;
  private readonly bounded: { group: WorkerGroup; bound: number; rest: number }[] = [];
  private readonly boundedPlaces: { summary: PlaceSummary; bound: number }[] = [];
  private readonly ceiling = new SkillCeiling();
  /** Languages mask → what a worker with it loses at least on the languages factor (`languageGaps`), when `languagePruning`. */
  private readonly languageGaps = new Float64Array(256);
  private languagePruning = false;
  /** Dedupes the must-have candidates bucketed by `requiredOfTier`. */
  private marks = new Uint32Array(0);
  private markEpoch = 0;
  private lastRest = 0;
  /** Scratch for the group being visited (visitMembers). */
  private readonly local: GroupLocal = { km: 0, relocateValue: 0, restButLocation: 0 };
  /** Scratch for the masks of a run of members (considerRun). */
  private readonly runLo = new Uint32Array(RUN);
  private readonly runHi = new Uint32Array(RUN);
  private readonly runKey = new Int32Array(RUN);
  private readonly runPassed = new Int32Array(RUN);
  private readonly runLanguages = new Uint8Array(RUN);
  /**
   * Place summary key → its bound in the current tier (+Infinity: not
   * bounded): a skill holder whose place cannot reach the k-th score is
   * passed over before anything else of theirs is read.
   */
  private placeBounds = new Float64Array(0);
  /** The same bound for everything but the skills factor (+Infinity: not bounded), to which a holder's own skills ceiling is added (`holdersPast`). */
  private placeRests = new Float64Array(0);
  /** Occupation id → its tier in the current query (TIER_VALUES index). */
  private tierOf = new Int8Array(0);
  /** Slots holding every must-have of the current query (when `filtered`). */
  private allowed = new Uint32Array(0);
  private allowedEpoch = 0;
  private filtered = false;
  /** When `filtered`: the candidates' postings, and (once needed) the candidates bucketed by tier. */
  private required: IntList[] = [];
  private requiredSize = 0;
  private readonly requiredBuckets = TIER_VALUES.map(() => new IntList());
  private requiredBucketed = false;
  /**
   * When `filtered` by the holders of a must-have skill, certificate or
   * language other than the national one: their postings by occupation
   * (each tier's candidates, see holdersOfTier), keyed by `requiredHaves`.
   */
  private requiredByOccupation: Postings | undefined;
  /** The current query's occupation keys by tier (TIER_VALUES index). */
  private tiers: number[][] = [];
  private readonly tierHolders = new IntList();
  private readonly tierCounts = new Float64Array(TIER_VALUES.length);
  /** The skills or certificates covering the required one (each holder of one of them holds it), or the language's code. */
  private requiredHaves: readonly number[] = [];
  /** Workers fully scored by the last query, and whether it reached the last tier (for the benchmark). */
  scored = 0;
  scannedAll = false;
  /** Groups bounded and workers touched (bounded one by one) by the last query (for the benchmark). */
  groupsBounded = 0;
  touched = 0;
  /** Of those, workers whose skills ceiling (from their skill mask) still let them reach the k-th score. */
  pastCeiling = 0;
  /** Skill holders visited instead of the groups (0: the groups were visited), by the last query. */
  holdersVisited = 0;
  /** Blocks of members (see WorkerGroup) whose members were visited, by the last query. */
  blocksOpened = 0;
  /** Must-have candidates bucketed by tier (requiredOfTier), and the tier that asked (-1: none), by the last query. */
  bucketed = 0;
  bucketedAt = -1;

  constructor(
    private readonly workers: WorkerIndex,
    private readonly fewCandidates = FEW_CANDIDATES,
    /** Visit the skill holders whenever a cut exists, however many (tests reach that path with a few workers). */
    private readonly preferHolders = false,
  ) {}

  run(ctx: ScoringContext, v: MatchVacancy, k: number): Ranked[] {
    this.scored = 0;
    this.scannedAll = false;
    this.groupsBounded = 0;
    this.touched = 0;
    this.pastCeiling = 0;
    this.holdersVisited = 0;
    this.blocksOpened = 0;
    this.bucketed = 0;
    this.bucketedAt = -1;
    if (!v.open) return [];
    this.nextEpoch();
    this.ceiling.prepare(ctx.tables, v);
    this.languagePruning = languageGaps(ctx, v, this.languageGaps);
    const out = new TopKCollector(k, ctx.config.minScore);
    const required = this.requiredCandidates(ctx, v);
    this.filtered = false;
    this.requiredByOccupation = required?.byOccupation;
    this.requiredHaves = required?.haves ?? [];
    this.tierCounts.fill(-1);
    this.noteTiers(ctx, v);
    if (required) this.allow(required.postings, required.others);
    if (required && required.size <= this.fewCandidates) this.runCandidates(ctx, v, out);
    else this.runTiers(ctx, v, out);
    return out.list;
  }

  /**
   * With must-haves, only their holders are candidates: `allowed` marks them
   * (one typed-array read each in `consider`), so that with many of them the
   * groups are visited as without must-haves, passing over everyone else,
   * and the group bounds still prune. Marked are the holders of the fewest
   * (`postings`) who also hold each other must-have (`others`: each a set of
   * postings, one of which every candidate is in) whose holders are not too
   * many to walk (OTHERS_FACTOR times as many): a vacancy asking a
   * must-have, a certificate and a language that few have together, whose
   * list never fills, no longer scores every holder of one of them.
   */
  private allow(postings: IntList[], others: IntList[][]): void {
    if (this.allowed.length < this.stamps.length) {
      this.allowed = new Uint32Array(this.stamps.length);
      this.allowedEpoch = 0;
    }
    if (this.allowedEpoch + others.length + 2 >= 0xffffffff) {
      this.allowed.fill(0);
      this.allowedEpoch = 0;
    }
    this.allowedEpoch += 1;
    const allowed = this.allowed;
    for (const posting of postings) for (let i = 0; i < posting.length; i += 1) allowed[posting.data[i]!] = this.allowedEpoch;
    const size = postings.reduce((n, posting) => n + posting.length, 0);
    for (const other of others) {
      if (other.reduce((n, posting) => n + posting.length, 0) > OTHERS_FACTOR * size) continue;
      const before = this.allowedEpoch;
      const after = (this.allowedEpoch += 1);
      for (const posting of other)
        for (let i = 0; i < posting.length; i += 1) {
          const slot = posting.data[i]!;
          if (allowed[slot] === before) allowed[slot] = after;
        }
    }
    this.filtered = true;
    this.required = postings;
    this.requiredSize = size;
    this.requiredBucketed = false;
  }

  /**
   * When filtered, the candidates of tier `t` (available, not yet visited),
   * if fewer than `work`: visiting them beats visiting the groups with
   * them as a filter. From the required postings by occupation when there
   * are some (holdersOfTier), else bucketed on first use (tiers are known
   * by then).
   */
  private requiredOfTier(t: number, work: number): IntList | undefined {
    if (!this.filtered) return undefined;
    if (this.requiredByOccupation) return this.holdersOfTier(t, work);
    if (!this.requiredBucketed && this.requiredSize >= work) return undefined;
    if (!this.requiredBucketed) {
      for (const bucket of this.requiredBuckets) bucket.length = 0;
      const { columns: c, pool } = this.workers;
      this.nextMarkEpoch();
      for (const posting of this.required)
        for (let i = 0; i < posting.length; i += 1) {
          const slot = posting.data[i]!;
          if (this.marks[slot] === this.markEpoch || this.allowed[slot] !== this.allowedEpoch) continue;
          this.marks[slot] = this.markEpoch;
          if ((c.flags[slot]! & AVAILABILITY) === AVAILABLE) this.requiredBuckets[this.tierOfSlot(slot, c, pool.data)]!.push(slot);
        }
      this.requiredBucketed = true;
      this.bucketed = this.requiredSize;
      this.bucketedAt = t;
    }
    const bucket = this.requiredBuckets[t]!;
    return bucket.length < work ? bucket : undefined;
  }

  /**
   * When filtered by a must-have's holders (`requiredByOccupation`): those
   * within tier `t`'s occupations, if fewer than `work`, gathered from their
   * postings by occupation without reading any worker (bucketing by tier reads
   * every candidate's occupations: 123k of them for one vacancy whose own
   * tier held a few hundred). Not exact: a holder of several of the tier's
   * occupations or covering skills is in it more than once (scored once:
   * the stamps), and so is one whose best occupation is in an earlier tier
   * (bounded there with their own occupation value, and ruled out again
   * here with a lower one and a higher k-th score, or scored already).
   * Holders ruled out by another must-have (`allowed`) are left out.
   */
  private holdersOfTier(t: number, work: number): IntList | undefined {
    if (this.holdersOfTierCount(t) >= work) return undefined;
    const postings = this.requiredByOccupation!.lists;
    const { allowed, allowedEpoch } = this;
    const list = this.tierHolders;
    list.length = 0;
    for (const key of this.tiers[t]!)
      for (const have of this.requiredHaves) {
        const posting = postings.get(occupationSkillKey(key, have));
        if (!posting) continue;
        for (let i = 0; i < posting.length; i += 1) {
          const slot = posting.data[i]!;
          if (allowed[slot] === allowedEpoch) list.push(slot);
        }
      }
    return list;
  }

  /** The length of holdersOfTier(t) before `allowed` (its postings' lengths added up), once per tier and query (-1: not yet). */
  private holdersOfTierCount(t: number): number {
    if (this.tierCounts[t]! >= 0) return this.tierCounts[t]!;
    const postings = this.requiredByOccupation!.lists;
    let n = 0;
    for (const key of this.tiers[t]!) for (const have of this.requiredHaves) n += postings.get(occupationSkillKey(key, have))?.length ?? 0;
    return (this.tierCounts[t] = n);
  }

  /**
   * How many must-have candidates of tier `t` there are at most (Infinity:
   * none to visit, they are not fewer than `work`), without bucketing them
   * when not yet done: all of them then (with postings by occupation: the
   * tier's holders, counted from them). In the last tier (where most
   * candidates are), holders fewer than that are visited rather than the
   * candidates, since bucketing alone reads every candidate (a vacancy whose
   * must-have 320k workers hold, 2.5k of them holders of an essential skill,
   * no longer buckets the 320k first). In an earlier tier the tier's
   * candidates are far fewer than all, and worth bucketing for.
   */
  private candidatesAtMost(t: number, work: number): number {
    if (!this.filtered) return Number.POSITIVE_INFINITY;
    if (this.requiredByOccupation) {
      const n = this.holdersOfTierCount(t);
      return n < work ? n : Number.POSITIVE_INFINITY;
    }
    if (this.requiredSize >= work) return Number.POSITIVE_INFINITY;
    if (!this.requiredBucketed) return this.requiredSize;
    return this.requiredOfTier(t, work)?.length ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Visits candidates of one tier (all of them of that tier's occupation
   * value), passing over those whose place cannot reach the k-th score (the
   * place bounds are this tier's: called from visitGroups and visitLastTier).
   */
  private visitBucket(ctx: ScoringContext, v: MatchVacancy, bucket: IntList, t: number, out: TopKCollector): void {
    const value = TIER_VALUES[t]!;
    const rest = upperBound(ctx, value) - ctx.weights[1]!;
    for (let at = 0; at < bucket.length; at += RUN) {
      const n = this.holdersPast(ctx, bucket.data, at, Math.min(bucket.length, at + RUN), rest, out.threshold, false);
      for (let i = 0; i < n; i += 1) this.consider(ctx, v, this.runPassed[i]!, value, out, rest);
    }
  }

  private runTiers(ctx: ScoringContext, v: MatchVacancy, out: TopKCollector): void {
    const groups = this.workers.byOccupation;
    const tiers = this.tiers;
    this.seed(ctx, v, groups.sizeOf(tiers[0]!), 1, out);
    for (let t = 0; t < TIER_VALUES.length; t += 1) {
      const value = TIER_VALUES[t]!;
      if (out.closedTo(upperBound(ctx, value))) return;
      if (value === 0) {
        this.seed(ctx, v, this.workers.size, 0, out);
        if (out.closedTo(upperBound(ctx, 0))) return;
        this.visitLastTier(ctx, v, groups.sizeOf(tiers[t]!), out);
      } else this.visitGroups(ctx, v, tiers[t]!, t, out);
    }
  }

  /**
   * Once the k-th score is high, a worker lacking one of the vacancy's
   * skills (or all of them) may no longer reach it whatever the rest; then
   * only the holders of the skills that cannot be missed are left to visit
   * in the last tier, when they are fewer than `work` (what visiting the
   * groups would take). False when they are not. They are visited straight
   * from the postings (not bucketed by tier): a holder is bounded first
   * (one read for the stamp, their mask and place), and only one who passes
   * has their tier computed; a holder of an earlier tier not yet scored was
   * already shown below the k-th score there (which only rises).
   */
  private visitEssentialHolders(ctx: ScoringContext, v: MatchVacancy, rest: number, work: number, out: TopKCollector): boolean {
    if (!out.full || v.skills.length === 0) return false;
    const w = ctx.weights[1]!;
    const postings = this.workers.bySkill.lists;
    const holders = essentialSkills(ctx.tables, v, (out.threshold - rest) / w, (skills) => skills.reduce((n, skill) => n + (postings.get(skill)?.length ?? 0), 0));
    if (!holders || holders.size > work) return false;
    this.holdersVisited += holders.size;
    const { columns: c, pool } = this.workers;
    const restOfTier = upperBound(ctx, 0) - w;
    const last = TIER_VALUES.length - 1;
    for (const skill of holders.skills) {
      const posting = postings.get(skill);
      if (!posting) continue;
      for (let at = 0; at < posting.length; at += RUN) {
        // Scored already (in an earlier tier, the seed, or as the holder of another of these skills), then the place
        // bounds, which are the last tier's (visitLastTier); a holder of an earlier tier who passes them is left out
        // (they were bounded in their own tier), rather than scored in vain.
        const n = this.holdersPast(ctx, posting.data, at, Math.min(posting.length, at + RUN), rest, out.threshold, true);
        for (let i = 0; i < n; i += 1) {
          const slot = this.runPassed[i]!;
          if (this.tierOfSlot(slot, c, pool.data) === last) this.consider(ctx, v, slot, 0, out, restOfTier);
        }
      }
    }
    return true;
  }

  /** The essential skill holders within the tier's occupations (see visitEssentialHolders), when fewer than `work`. */
  private visitTierHolders(ctx: ScoringContext, v: MatchVacancy, keys: number[], t: number, rest: number, work: number, out: TopKCollector): boolean {
    if (!out.full || v.skills.length === 0) return false;
    const w = ctx.weights[1]!;
    const value = TIER_VALUES[t]!;
    const postings = this.workers.byOccupationSkill.lists;
    const count = (skills: number[]) => {
      let n = 0;
      for (const key of keys) for (const skill of skills) n += postings.get(occupationSkillKey(key, skill))?.length ?? 0;
      return n;
    };
    const holders = essentialSkills(ctx.tables, v, (out.threshold - rest) / w, count);
    if (!holders || holders.size > work) return false;
    this.holdersVisited += holders.size;
    for (const key of keys)
      for (const skill of holders.skills) {
        const posting = postings.get(occupationSkillKey(key, skill));
        if (!posting) continue;
        for (let at = 0; at < posting.length; at += RUN) {
          const n = this.holdersPast(ctx, posting.data, at, Math.min(posting.length, at + RUN), rest, out.threshold, false);
          for (let i = 0; i < n; i += 1) this.consider(ctx, v, this.runPassed[i]!, value, out, rest);
        }
      }
    return true;
  }

  private clearPlaceBounds(): void {
    const size = 2 * this.workers.byOccupation.places.size + 2;
    let highest = 0;
    for (const key of this.workers.byOccupation.places.keys()) highest = Math.max(highest, key);
    if (this.placeBounds.length <= highest) {
      this.placeBounds = new Float64Array(Math.max(size, highest + 1));
      this.placeRests = new Float64Array(this.placeBounds.length);
    }
    this.placeBounds.fill(Number.POSITIVE_INFINITY);
    this.placeRests.fill(Number.POSITIVE_INFINITY);
  }

  /**
   * Of the holders (or must-have candidates) data[at, end) (at most RUN),
   * visited outside their group, into `runPassed` those who may still reach
   * the k-th score (and, with `unstamped`, were not scored already); their
   * count. Ruled out: by their place summary's bound in the current tier,
   * then by the lower of `rest` (the tier's bound for everything but skills)
   * and that summary's bound for everything but skills, plus their own
   * skills ceiling (their mask: tighter than the summary's bound with the
   * place's mask). Each one's place, priority and mask are read before any
   * is bounded, so that the CPU overlaps the loads of scattered slots.
   */
  private holdersPast(ctx: ScoringContext, data: Int32Array, at: number, end: number, rest: number, threshold: number, unstamped: boolean): number {
    const c = this.workers.columns;
    const { runKey: keys, runLo: lows, runHi: highs, runPassed: passed, runLanguages: languages, languagePruning: pruning } = this;
    for (let i = at; i < end; i += 1) {
      const slot = data[i]!;
      keys[i - at] = unstamped && this.stamps[slot] === this.epoch ? -1 : groupKey(slot, c);
      lows[i - at] = c.skillMask[slot * 2]!;
      highs[i - at] = c.skillMask[slot * 2 + 1]!;
      languages[i - at] = pruning ? c.languages[slot]! : 0;
    }
    const w = ctx.weights[1]!;
    let n = 0;
    for (let i = at; i < end; i += 1) {
      const key = keys[i - at]!;
      if (key < 0 || this.placeBounds[key]! < threshold) continue;
      if (Math.min(rest, this.placeRests[key]!) + w * this.ceiling.of(lows[i - at]!, highs[i - at]!) - this.gapOf(languages[i - at]!) < threshold) continue;
      passed[n++] = data[i]!;
    }
    return n;
  }

  private nextMarkEpoch(): void {
    if (this.marks.length < this.stamps.length) {
      this.marks = new Uint32Array(this.stamps.length);
      this.markEpoch = 0;
    }
    this.markEpoch += 1;
    if (this.markEpoch === 0xffffffff) {
      this.marks.fill(0);
      this.markEpoch = 1;
    }
  }

  /** The worker's tier in the current query (its best occupation's; the last without any), from `tierOf`. */
  private tierOfSlot(slot: number, c: WorkerColumns, pool: Uint16Array): number {
    const at = c.at[slot]!;
    let t = TIER_VALUES.length - 1;
    for (let i = at, end = at + c.counts[slot * 4]!; i < end; i += 1) t = Math.min(t, this.tierOf[pool[i]!]!);
    return t;
  }

  /** The occupations' tiers for the vacancy (`tiers`, `tierOf`): the last also holds the workers without one. */
  private noteTiers(ctx: ScoringContext, v: MatchVacancy): void {
    const tiers = occupationTiers(ctx.tables, this.workers.byOccupation.occupations(), [v.occupation]);
    tiers[TIER_VALUES.length - 1]!.push(OccupationGroups.NO_OCCUPATION);
    const size = ctx.tables.occupations.size;
    if (this.tierOf.length < size) this.tierOf = new Int8Array(size);
    tiers.forEach((keys, t) => {
      for (const key of keys) if (key >= 0) this.tierOf[key] = t;
    });
    this.tiers = tiers;
  }

  /** Every place summary's bound in a tier of occupation value `value`, and that bound but for skills (placeBounds, placeRests; +Infinity for a place with nobody available). */
  private boundPlaces(ctx: ScoringContext, v: MatchVacancy, value: number): void {
    this.clearPlaceBounds();
    for (const summary of this.workers.byOccupation.places.values()) {
      summary.tighten();
      if (summary.available === 0) continue;
      this.placeBounds[summary.key] = this.blockBound(ctx, v, value, summary);
      this.placeRests[summary.key] = this.lastRest;
    }
  }

  /**
   * A bound on every member of a block: the group bound with the block's
   * skills ceiling instead of 1, less what the union of its members'
   * languages cannot earn. `lastRest` is left at the group bound for
   * everything but the skills factor, languages counted in full (each
   * member's own languages are taken off it: `gapOf`).
   */
  private blockBound(ctx: ScoringContext, v: MatchVacancy, occupation: number, block: WorkerBlock): number {
    const w = ctx.weights[1]!;
    this.lastRest = workerGroupBound(ctx, v, occupation, block) - w + MARGIN;
    return this.lastRest + w * this.ceiling.of(block.skillsLo, block.skillsHi) - this.gapOf(block.languages);
  }

  /** What a worker (or block) with this languages mask loses at least on the languages factor against a bound that counts it in full. */
  private gapOf(languages: number): number {
    return this.languagePruning ? this.languageGaps[languages]! : 0;
  }

  /**
   * The last tier holds most occupations (~70k groups): the places are
   * bounded first (each summary covers its groups of every occupation), best
   * first, and only the groups of a place that can still reach the k-th
   * score are bounded, and visited when they can.
   */
  private visitLastTier(ctx: ScoringContext, v: MatchVacancy, members: number, out: TopKCollector): void {
    const places = this.boundedPlaces;
    places.length = 0;
    let rest = Number.NEGATIVE_INFINITY;
    this.boundPlaces(ctx, v, 0);
    for (const summary of this.workers.byOccupation.places.values()) {
      const bound = this.placeBounds[summary.key]!;
      if (summary.available === 0 || bound < out.threshold) continue;
      places.push({ summary, bound });
      rest = Math.max(rest, this.placeRests[summary.key]!);
    }
    // The cheapest of: the essential skill holders, the must-have candidates of the tier, the groups.
    if (this.visitEssentialHolders(ctx, v, rest, this.preferHolders ? Infinity : Math.min(members / 4, this.candidatesAtMost(TIER_VALUES.length - 1, members / 4)), out)) {
      places.length = 0;
      return;
    }
    const candidates = this.requiredOfTier(TIER_VALUES.length - 1, members / 4);
    if (candidates) {
      places.length = 0;
      this.visitBucket(ctx, v, candidates, TIER_VALUES.length - 1, out);
      return;
    }
    this.scannedAll = true;
    places.sort((a, b) => b.bound - a.bound);
    const last = TIER_VALUES.length - 1;
    for (const { summary, bound } of places) {
      if (bound < out.threshold) break;
      for (const group of summary.groups) {
        if (group.available === 0 || (group.occupation >= 0 && this.tierOf[group.occupation] !== last)) continue;
        this.groupsBounded += 1;
        const groupBound = this.blockBound(ctx, v, 0, group);
        if (groupBound < out.threshold) continue;
        this.visitMembers(ctx, v, group, 0, this.lastRest, out);
      }
    }
    places.length = 0;
  }

  /**
   * `rest`: the group's bound for everything but skills; each block's skills
   * ceiling (from the union of its members' masks) is added to it, and a
   * block that cannot reach the k-th score is skipped whole; then each
   * member's own ceiling.
   */
  private visitMembers(ctx: ScoringContext, v: MatchVacancy, group: WorkerGroup, occupation: number, rest: number, out: TopKCollector): void {
    const data = group.slots.data;
    const sorted = group.sorted;
    const size = group.layout.size;
    const masks = group.blockMasks;
    const subMasks = group.subMasks;
    const sub = group.subSize;
    const w = ctx.weights[1]!;
    const local = groupLocal(ctx, v, group, rest, this.local);
    for (let from = 0; from < sorted; from += size) {
      const b = (from / size) * 2;
      if (rest + w * this.ceiling.of(masks[b]!, masks[b + 1]!) < out.threshold) continue;
      this.blocksOpened += 1;
      const to = Math.min(sorted, from + size);
      for (let at = from; at < to; at += sub) {
        const q = (at / sub) * 2;
        if (rest + w * this.ceiling.of(subMasks[q]!, subMasks[q + 1]!) < out.threshold) continue;
        for (let r = at, end = Math.min(to, at + sub); r < end; r += RUN) this.considerRun(ctx, v, data, r, Math.min(end, r + RUN), occupation, out, rest, local);
      }
    }
    for (let at = sorted; at < group.slots.length; at += RUN) this.considerRun(ctx, v, data, at, Math.min(group.slots.length, at + RUN), occupation, out, rest, local);
  }

  /**
   * `consider` for the members data[at, end) of a group (at most RUN). Their
   * masks are read before any is bounded: loads of scattered slots that the
   * CPU overlaps, where reading each after bounding the one before waits for
   * them one at a time.
   */
  private considerRun(ctx: ScoringContext, v: MatchVacancy, data: Int32Array, at: number, end: number, occupation: number, out: TopKCollector, rest: number, local: GroupLocal): void {
    if (this.filtered) {
      for (let i = at; i < end; i += 1) this.consider(ctx, v, data[i]!, occupation, out, rest, local);
      return;
    }
    const { skillMask, languages: languageMasks } = this.workers.columns;
    const { runLo: lows, runHi: highs, runLanguages: languages, languagePruning: pruning } = this;
    for (let i = at; i < end; i += 1) {
      const slot = data[i]!;
      lows[i - at] = skillMask[slot * 2]!;
      highs[i - at] = skillMask[slot * 2 + 1]!;
      languages[i - at] = pruning ? languageMasks[slot]! : 0;
    }
    const w = ctx.weights[1]!;
    for (let i = at; i < end; i += 1) {
      this.touched += 1;
      const skillsCeiling = this.ceiling.of(lows[i - at]!, highs[i - at]!);
      const gap = this.gapOf(languages[i - at]!);
      if (rest + w * skillsCeiling - gap >= out.threshold) this.considerReaching(ctx, v, data[i]!, occupation, out, skillsCeiling, gap, local);
    }
  }

  private groupsOf(keys: number[]): number {
    let n = 0;
    for (const key of keys) n += this.workers.byOccupation.groups.get(key)?.size ?? 0;
    return n;
  }

  /**
   * The (occupation, place) groups of a tier, best bound first; a group whose
   * bound cannot reach the k-th score is skipped whole, and so is every
   * group after it. When the tier's must-have candidates, once bucketed,
   * are fewer than its groups, or its holders of the skills that cannot be
   * missed are fewer than half the members of the groups left, those are
   * visited instead.
   */
  private visitGroups(ctx: ScoringContext, v: MatchVacancy, keys: number[], t: number, out: TopKCollector): void {
    const occupation = TIER_VALUES[t]!;
    const bounded = this.bounded;
    bounded.length = 0;
    let work = 0;
    let rest = Number.NEGATIVE_INFINITY;
    // A group whose place (over every occupation) cannot reach the k-th score (at first the minimum score) is passed over unbounded.
    const pass = ++boundPasses;
    this.clearPlaceBounds();
    // The tier's must-have candidates, once bucketed (or known from the postings by occupation), fewer than its
    // groups: each of them costs about what bounding a group does. Bounded by their place first.
    if (this.filtered && (this.requiredBucketed || this.requiredByOccupation)) {
      const candidates = this.requiredOfTier(t, this.groupsOf(keys));
      if (candidates) {
        this.boundPlaces(ctx, v, occupation);
        this.visitBucket(ctx, v, candidates, t, out);
        return;
      }
    }
    for (const key of keys)
      for (const group of this.workers.byOccupation.groups.get(key)?.values() ?? []) {
        if (group.available === 0) continue;
        const summary = group.summary;
        if (summary.boundPass !== pass) {
          summary.tighten();
          summary.boundPass = pass;
          summary.bound = this.blockBound(ctx, v, occupation, summary);
          summary.rest = this.lastRest;
          this.placeBounds[summary.key] = summary.bound;
          this.placeRests[summary.key] = summary.rest;
        }
        if (summary.bound < out.threshold) continue;
        // The place's bound with the group's own skills (its mask): no dearer than the group's bound, and never below it.
        if (summary.rest + ctx.weights[1]! * this.ceiling.of(group.skillsLo, group.skillsHi) - this.gapOf(group.languages) < out.threshold) continue;
        this.groupsBounded += 1;
        const bound = this.blockBound(ctx, v, occupation, group);
        if (bound < out.threshold) continue;
        bounded.push({ group, bound, rest: this.lastRest });
        work += group.slots.length;
        rest = Math.max(rest, this.lastRest);
      }
    // The cheapest of: the tier's essential skill holders, its must-have candidates, its groups.
    const candidates = this.requiredOfTier(t, work);
    if ((this.preferHolders || work > 2000) && this.visitTierHolders(ctx, v, keys, t, rest, this.preferHolders ? Infinity : Math.min(work / 2, candidates?.length ?? Infinity), out)) {
      bounded.length = 0;
      return;
    }
    if (candidates) {
      bounded.length = 0;
      this.visitBucket(ctx, v, candidates, t, out);
      return;
    }
    bounded.sort((a, b) => b.bound - a.bound);
    for (const entry of bounded) {
      if (entry.bound < out.threshold) break;
      this.visitMembers(ctx, v, entry.group, occupation, entry.rest, out);
    }
    bounded.length = 0;
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
    if (minOccupation === 1) {
      // The holders within the vacancy's own occupation (occupation value 1) are a posting of their own.
      // A sample is enough to raise the k-th score; the rest are visited with their groups.
      const own = this.workers.byOccupationSkill.lists.get(occupationSkillKey(v.occupation, v.skills[heaviest]!));
      const rest = upperBound(ctx, 1) - ctx.weights[1]!;
      const n = Math.min(own?.length ?? 0, SEED_SAMPLE);
      for (let i = 0; i < n; i += 1) this.consider(ctx, v, own!.data[i]!, 1, out, rest);
      return;
    }
    // Before the last tier: a sample of the skill's holders of any occupation (their tier from tierOf).
    const posting = this.workers.bySkill.lists.get(v.skills[heaviest]!);
    if (!posting || posting.length > 2 * scanSize) return;
    const { columns: c, pool } = this.workers;
    for (let i = 0, n = Math.min(posting.length, SEED_SAMPLE); i < n; i += 1) {
      const slot = posting.data[i]!;
      if (this.stamps[slot] === this.epoch) continue;
      const occupation = TIER_VALUES[this.tierOfSlot(slot, c, pool.data)]!;
      if (occupation >= minOccupation) this.consider(ctx, v, slot, occupation, out, upperBound(ctx, occupation) - ctx.weights[1]!);
    }
  }

  /**
   * Every worker who can pass the hard filters holds one of these postings:
   * the smallest set among each must-have skill, certificate and required
   * language (a skill or certificate counts with every one that covers it),
   * with their keys (`haves`: the covering skills or certificates, or the
   * language's code) and their postings by occupation (`byOccupation`; none
   * for the national language, which everyone speaks);
   * `others`: the sets of every other one.
   */
  private requiredCandidates(
    ctx: ScoringContext,
    v: MatchVacancy,
  ): { postings: IntList[]; size: number; byOccupation?: Postings; haves: readonly number[]; others: IntList[][] } | undefined {
    const sets: { postings: IntList[]; size: number; byOccupation?: Postings; haves: readonly number[] }[] = [];
    const offer = (postings: Postings, haves: readonly number[], byOccupation?: Postings) => {
      const present = haves.map((have) => postings.lists.get(have)).filter((p): p is IntList => p !== undefined);
      sets.push({ postings: present, size: present.reduce((sum, p) => sum + p.length, 0), byOccupation, haves });
    };
    const w = this.workers;
    for (const need of v.mustHave) offer(w.bySkill, ctx.tables.coveredBy(need), w.byOccupationSkill);
    for (const need of v.certificates) offer(w.byCertificate, ctx.tables.coveredBy(need), w.byOccupationCertificate);
    for (const need of v.requiredLanguages) offer(w.byLanguage, [need >> 8], need >> 8 === NATIONAL_LANGUAGE ? undefined : w.byOccupationLanguage);
    if (sets.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < sets.length; i += 1) if (sets[i]!.size < sets[best]!.size) best = i;
    return { ...sets[best]!, others: sets.filter((_, i) => i !== best).map((set) => set.postings) };
  }

  /**
   * The must-have candidates, few: tier by tier (requiredOfTier), most
   * similar occupations first, each bounded by their place in that tier
   * before anything else of theirs is read (visitBucket), until the k-th
   * score beats what the next tier could reach.
   */
  private runCandidates(ctx: ScoringContext, v: MatchVacancy, out: TopKCollector): void {
    for (let t = 0; t < TIER_VALUES.length; t += 1) {
      const value = TIER_VALUES[t]!;
      if (out.closedTo(upperBound(ctx, value))) return;
      const candidates = this.requiredOfTier(t, Number.POSITIVE_INFINITY);
      if (!candidates || candidates.length === 0) continue;
      this.boundPlaces(ctx, v, value);
      this.visitBucket(ctx, v, candidates, t, out);
    }
  }

  /**
   * `rest`: a bound on everything but the skills factor (weighted), for a
   * first check from the skill mask alone. `local`, for a member of a group
   * being visited (visitMembers): that bound for everything but skills and
   * location, and the group's place; after the member's skills ceiling,
   * their location factor (their commute limit and willingness to move, two
   * reads: the place is the group's) with the rest at the group's best:
   * most members let through by their skills fail on their own commute
   * limit, which the group's best does not show.
   */
  private consider(ctx: ScoringContext, v: MatchVacancy, slot: number, occupation: number, out: TopKCollector, rest: number, local?: GroupLocal): void {
    // The skills ceiling first: most workers bounded one by one fail on it. A worker it rules out cannot reach the k-th
    // score (which only rises) whatever a later visit finds, so they need no stamp, and their stamp and flags go unread.
    // With must-haves, most workers are not candidates, and that is one read.
    if (this.filtered && this.allowed[slot] !== this.allowedEpoch) return;
    const c = this.workers.columns;
    this.touched += 1;
    const weight = ctx.weights[1]!;
    const skillsCeiling = this.ceiling.of(c.skillMask[slot * 2]!, c.skillMask[slot * 2 + 1]!);
    const gap = this.gapOf(this.languagePruning ? c.languages[slot]! : 0);
    if (rest + weight * skillsCeiling - gap < out.threshold) return;
    this.considerReaching(ctx, v, slot, occupation, out, skillsCeiling, gap, local);
  }

  /**
   * `consider` for a worker whose skills ceiling (from their mask) can reach
   * the k-th score; `gap`: what their languages lose at least (`gapOf`),
   * taken off every bound below, which count languages in full.
   */
  private considerReaching(ctx: ScoringContext, v: MatchVacancy, slot: number, occupation: number, out: TopKCollector, skillsCeiling: number, gap: number, local?: GroupLocal): void {
    const c = this.workers.columns;
    const weight = ctx.weights[1]!;
    if (local && local.restButLocation + ctx.weights[3]! * memberLocation(ctx, local, c.maxCommuteTenths[slot]!, c.flags[slot]!) + weight * skillsCeiling - gap < out.threshold) return;
    if (this.stamps[slot] === this.epoch) return;
    this.stamps[slot] = this.epoch;
    const flags = c.flags[slot]!;
    if ((flags & AVAILABILITY) !== AVAILABLE) return;
    this.pastCeiling += 1;
    const qualification = c.qualification[slot]!;
    const place = c.place[slot]!;
    const commute = c.maxCommuteTenths[slot]!;
    const wage = c.expectedWageK[slot]!;
    const experience = c.experienceTenths[slot]!;
    const priority = c.priority[slot]!;
    if (cheapBoundOf(ctx, v, occupation, qualification, place, commute, flags, wage, experience, priority, skillsCeiling) - gap < out.threshold) return;
    const w = this.workers.view(slot);
    // The skills factor is most of the gap between the cheap bound and the score, and cheap next to the hard filters.
    if (v.skills.length > 0) {
      const from = w.at + w.nOccupations;
      const skills = skillsValue(ctx.tables, w.lists, from, from + w.nSkills, v.skills, v.skillWeights);
      if (cheapBoundOf(ctx, v, occupation, qualification, place, commute, flags, wage, experience, priority, skills) - gap < out.threshold) return;
    }
    this.scored += 1;
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
