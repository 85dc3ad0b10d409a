export { buildApp, type BuildOverrides } from './app.js';
export { analyticsConfigSchema, type AnalyticsConfig } from './config.js';
export { computeSupplyDemand, type SupplyDemandRow } from './domain/supply-demand.js';
