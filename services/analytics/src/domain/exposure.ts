import { EXPOSURE_GROUPS, type ExposureGroup } from './traits.js';

export interface ExposureRow {
  group: ExposureGroup;
  /** Share of looking job seekers in the group (the baseline). */
  jobSeekerShare: number | null;
  matches: number;
  matchShare: number | null;
  placements: number;
  placementShare: number | null;
  /** matchShare / jobSeekerShare: 1 the group gets its share of matches, below 1 less, above 1 more. */
  matchExposureRatio: number | null;
  placementExposureRatio: number | null;
}

export interface ExposureInput {
  /** Traits of each job seeker (weighted). */
  jobSeekers: Iterable<{ traits: readonly string[]; count: number }>;
  /** Traits of the worker of each match; undefined when the worker is not known (yet). */
  matches: Iterable<readonly string[] | undefined>;
  placements: Iterable<readonly string[] | undefined>;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);

function tally(items: Iterable<readonly string[] | undefined>): { total: number; known: number; by: Map<string, number> } {
  const by = new Map<string, number>();
  let total = 0;
  let known = 0;
  for (const traits of items) {
    total += 1;
    if (!traits) continue;
    known += 1;
    for (const t of traits) by.set(t, (by.get(t) ?? 0) + 1);
  }
  return { total, known, by };
}

/** The share of matches and hires reaching each group, against the group's share of job seekers. */
export function computeExposure(input: ExposureInput): { totals: { jobSeekers: number; matches: number; placements: number; unknownWorkers: number }; groups: ExposureRow[] } {
  const seekers = new Map<string, number>();
  let seekerTotal = 0;
  for (const { traits, count } of input.jobSeekers) {
    seekerTotal += count;
    for (const t of traits) seekers.set(t, (seekers.get(t) ?? 0) + count);
  }
  const matches = tally(input.matches);
  const placements = tally(input.placements);
  const groups = EXPOSURE_GROUPS.map((group) => {
    const jobSeekerShare = share(seekers.get(group) ?? 0, seekerTotal);
    const matchShare = share(matches.by.get(group) ?? 0, matches.known);
    const placementShare = share(placements.by.get(group) ?? 0, placements.known);
    return {
      group,
      jobSeekerShare,
      matches: matches.by.get(group) ?? 0,
      matchShare,
      placements: placements.by.get(group) ?? 0,
      placementShare,
      matchExposureRatio: ratio(matchShare, jobSeekerShare),
      placementExposureRatio: ratio(placementShare, jobSeekerShare),
    };
  });
  return {
    totals: {
      jobSeekers: seekerTotal,
      matches: matches.total,
      placements: placements.total,
      unknownWorkers: matches.total - matches.known + placements.total - placements.known,
    },
    groups,
  };
}
