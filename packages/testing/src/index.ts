export type { InfraUrls } from './infra-urls.js';
export { uniqueName } from './unique.js';
export { waitFor, type WaitForOptions } from './wait-for.js';
export { testLogger } from './test-logger.js';
export { testKafka, readTopic, type ReceivedMessage } from './kafka.js';
export { testDatabase } from './mongo.js';
export { replayMode, replayRun, type ReplayIssuer, type ReplayRun } from './replay-run.js';
export {
  benchArg,
  benchServiceEnv,
  benchUntil,
  burnCpu,
  countDatabaseOps,
  cpuSpentMs,
  matchingFanOut,
  measureBacklog,
  parentPid,
  pidTicks,
  processTicks,
  statTail,
  type BacklogResult,
  type BenchFactor,
  type FanOut,
  type FanOutEvent,
} from './bench.js';
