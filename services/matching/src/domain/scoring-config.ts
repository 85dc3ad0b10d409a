import { z } from 'zod';

export const FACTOR_NAMES = ['occupation', 'skills', 'qualification', 'location', 'wage', 'experience', 'languages'] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];
export const FACTOR_COUNT = FACTOR_NAMES.length;

const weight = z.number().min(0).max(1);

/**
 * Everything that decides a score, versioned: each match records the
 * `version` it was scored with, and a change of any value needs a new one
 * (then POST /v1/rematch).
 */
export const scoringConfigSchema = z
  .object({
    version: z.string().min(1).max(50),
    weights: z.object({
      occupation: weight,
      skills: weight,
      qualification: weight,
      location: weight,
      wage: weight,
      experience: weight,
      languages: weight,
    }),
    /** A pair that passes every hard filter is a match only from this base score on (before the boost). */
    minScore: z.number().min(0).max(1),
    /** Added once when the worker belongs to any of the plan's priority groups... */
    priorityBoost: z.number().min(0).max(0.5),
    /** ...and this much more when the vacancy welcomes one of the worker's groups. */
    welcomedBoost: z.number().min(0).max(0.5),
    kPerVacancy: z.number().int().min(1).max(1000),
    kPerWorker: z.number().int().min(1).max(1000),
    /** match.updated is published when the score moved at least this much... */
    updateScoreDelta: z.number().min(0).max(1),
    /** ...or the rank moved at least this many places. */
    updateRankDelta: z.number().int().min(1),
    /** Commute limit of a worker who gave none. */
    defaultMaxCommuteKm: z.number().min(1).max(500),
    /** Location value beyond the commute limit for a worker willing to move (more with housing offered). */
    relocateValue: z.number().min(0).max(1),
    relocateWithHousingValue: z.number().min(0).max(1),
    /** Hours per month to compare hourly wages with monthly expectations (26 days of 8 hours). */
    hoursPerMonth: z.number().positive(),
    /** Labour Code 2019 art. 143: the minimum working age; 18 for the minors' rules (art. 143-147). */
    minWorkingAge: z.number().int().min(13).max(18),
    adultAge: z.number().int().min(15).max(21),
    /**
     * ISCO prefixes of work the law closes to under-18s (Labour Code 2019
     * art. 147, Circular 09/2020/TT-BLĐTBXH: mining, heavy and hazardous
     * industry, chemicals, explosives, bars and casinos...); night shifts too
     * (art. 146 allows night work for minors only in listed occupations).
     */
    closedToMinors: z.object({ iscoPrefixes: z.array(z.string().regex(/^\d{1,4}$/)), nightShift: z.boolean() }),
  })
  .refine((c) => Math.abs(Object.values(c.weights).reduce((a, b) => a + b, 0) - 1) < 1e-9, {
    message: 'weights must add up to 1',
    path: ['weights'],
  });

export type ScoringConfig = z.output<typeof scoringConfigSchema>;

export const DEFAULT_SCORING: ScoringConfig = scoringConfigSchema.parse({
  version: 'scoring-v1.0',
  weights: { occupation: 0.3, skills: 0.25, qualification: 0.1, location: 0.15, wage: 0.1, experience: 0.05, languages: 0.05 },
  minScore: 0.4,
  priorityBoost: 0.03,
  welcomedBoost: 0.03,
  kPerVacancy: 50,
  kPerWorker: 20,
  updateScoreDelta: 0.01,
  updateRankDelta: 5,
  defaultMaxCommuteKm: 30,
  relocateValue: 0.4,
  relocateWithHousingValue: 0.7,
  hoursPerMonth: 208,
  minWorkingAge: 15,
  adultAge: 18,
  closedToMinors: {
    iscoPrefixes: ['811', '812', '813', '7111', '7112', '7113', '7541', '7542', '8311', '8331', '8332', '8342', '5131', '3111', '9312', '9311'],
    nightShift: true,
  },
});

/** The weights in FACTOR_NAMES order, for the hot loops. */
export const weightVector = (config: ScoringConfig): Float64Array =>
  Float64Array.from(FACTOR_NAMES.map((name) => config.weights[name]));
