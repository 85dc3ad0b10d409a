export { buildApp, type BuildOverrides } from './app.js';
export { matchingConfigSchema, type MatchingConfig } from './config.js';
export { DEFAULT_SCORING, scoringConfigSchema, type ScoringConfig } from './domain/scoring-config.js';
