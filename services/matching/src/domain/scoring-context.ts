import type { ReferenceTables } from './reference-tables.js';
import { weightVector, type ScoringConfig } from './scoring-config.js';

/** What every score needs: the tables, the config, and the month ages are counted in. */
export interface ScoringContext {
  tables: ReferenceTables;
  config: ScoringConfig;
  weights: Float64Array;
  asOfMonth: number;
  /** The most any boost adds, for upper bounds. */
  maxBoost: number;
}

export const scoringContext = (tables: ReferenceTables, config: ScoringConfig, asOfMonth: number): ScoringContext => ({
  tables,
  config,
  weights: weightVector(config),
  asOfMonth,
  maxBoost: config.priorityBoost + config.welcomedBoost,
});
