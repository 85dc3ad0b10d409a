import type { TopicDefinition } from '../define.js';
import { forecastTopic, kpiTopic, supplyDemandTopic } from './analytics.js';
import {
  employersTopic,
  matchesTopic,
  notificationsTopic,
  placementsTopic,
  vacanciesTopic,
  workerContactsTopic,
  workersTopic,
} from './domain.js';
import { ingestVacanciesTopic, ingestWorkersTopic } from './ingest.js';
import { jobFairsTopic } from './jobfairs.js';

/** Every topic KetNoi owns. Each consumed topic also has a `.dlq` twin. */
export const topics = [
  ingestWorkersTopic,
  ingestVacanciesTopic,
  workersTopic,
  workerContactsTopic,
  employersTopic,
  vacanciesTopic,
  placementsTopic,
  matchesTopic,
  notificationsTopic,
  supplyDemandTopic,
  kpiTopic,
  forecastTopic,
  jobFairsTopic,
] as const satisfies readonly TopicDefinition[];

export const findTopic = (name: string): TopicDefinition | undefined =>
  (topics as readonly TopicDefinition[]).find((topic) => topic.name === name);
