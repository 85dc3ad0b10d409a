export { loadChaosConfig, chaosEnvSchema, type ChaosConfig, type ChaosProfile } from './config.js';
export { planFaults, planRebalances, SCALABLE_SERVICES, type Fault, type Rebalance } from './schedule.js';
export { analyse, differences, onceById, repeats, type CountRow, type Observed, type Activity } from './analyse.js';
export { emptyLedger, type Ledger } from './ledger.js';
export { runChaos, type ChaosResult } from './harness.js';
export { formatReport } from './report.js';
