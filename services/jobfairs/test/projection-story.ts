import { matchesTopic, vacanciesTopic, workersTopic, type TopicDefinition, type TopicEventInput } from '@ketnoi/contracts';
import { aMatch, aVacancy, aWorker } from './mothers.js';

/** Some events of one upstream topic, published (or handed to a handler) together. */
export type Chunk =
  | { topic: typeof workersTopic; inputs: TopicEventInput<typeof workersTopic>[] }
  | { topic: typeof vacanciesTopic; inputs: TopicEventInput<typeof vacanciesTopic>[] }
  | { topic: typeof matchesTopic; inputs: TopicEventInput<typeof matchesTopic>[] };

const worker = (workerId: string, version: number, status: 'looking' | 'placed' = 'looking') =>
  ({ type: 'worker.registered', subject: workerId, data: aWorker({ workerId, version, status, experienceYears: version }) }) as const;
const erased = (workerId: string, version: number) =>
  ({ type: 'worker.erased', subject: workerId, data: { workerId, version, erasedAt: '2026-11-25T00:00:00.000Z' } }) as const;
const vacancy = (vacancyId: string, version: number, title: string) =>
  ({ type: 'vacancy.opened', subject: vacancyId, data: aVacancy({ vacancyId, version, employerId: 'employer-story' }, title) }) as const;
const proposed = (vacancyId: string, workerId: string, score: number, rank: number, at: string) =>
  ({ type: 'match.proposed', subject: vacancyId, data: aMatch(vacancyId, workerId, score, rank, at) }) as const;
const updated = (vacancyId: string, workerId: string, score: number, rank: number, at: string) =>
  ({ type: 'match.updated', subject: vacancyId, data: aMatch(vacancyId, workerId, score, rank, at) }) as const;
const withdrawn = (vacancyId: string, workerId: string, at: string) =>
  ({ type: 'match.withdrawn', subject: vacancyId, data: { matchId: `${vacancyId}:${workerId}`, vacancyId, workerId, reason: 'outranked', at } }) as const;

const t = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`;
export const storyWorkers = ['worker-s1', 'worker-s2', 'worker-s3', 'worker-s4'] as const;
export const storyVacancies = ['vacancy-sa', 'vacancy-sb'] as const;
const [w1, w2, w3, w4] = storyWorkers;
const [va, vb] = storyVacancies;

const matchesFirst: TopicEventInput<typeof matchesTopic>[] = [
  proposed(va, w1, 0.9, 1, t(1)),
  proposed(va, w2, 0.8, 2, t(1)),
  proposed(va, w3, 0.7, 3, t(1)),
  proposed(va, w4, 0.6, 4, t(1)),
  proposed(vb, w1, 0.5, 1, t(1)),
  proposed(vb, w2, 0.4, 2, t(1)),
  updated(va, w1, 0.95, 1, t(2)),
  withdrawn(va, w2, t(2)),
  proposed(va, w2, 0.85, 2, t(1)), // older than the withdrawal: a duplicate
  updated(va, w3, 0.75, 2, t(1)), // same time as its proposal, later offset: applies
];

/**
 * A story on the three topics the projections consume, in the order it is
 * handed over: versions out of order, a worker erased (and a match for them
 * after it), matches updated, withdrawn, re-proposed and older ones, and
 * events redelivered (the same versions; on matches.v1 the same offsets).
 */
export const projectionStory: Chunk[] = [
  { topic: workersTopic, inputs: [worker(w1, 1), worker(w2, 1), worker(w3, 1), worker(w4, 1), worker(w1, 2, 'placed'), worker(w1, 1), worker(w3, 3), worker(w3, 2)] },
  { topic: vacanciesTopic, inputs: [vacancy(va, 1, 'Công nhân lắp ráp'), vacancy(vb, 1, 'Thợ hàn'), vacancy(va, 2, 'Công nhân lắp ráp điện tử'), vacancy(va, 1, 'Công nhân lắp ráp')] },
  { topic: matchesTopic, inputs: matchesFirst },
  { topic: workersTopic, inputs: [erased(w4, 2), worker(w4, 1), worker(w2, 2), worker(w2, 2)] },
  { topic: matchesTopic, inputs: [proposed(vb, w4, 0.9, 1, t(3)), withdrawn(vb, w1, t(3)), proposed(va, w2, 0.88, 2, t(3)), updated(vb, w2, 0.45, 1, t(3))] },
  { topic: vacanciesTopic, inputs: [vacancy(vb, 2, 'Thợ hàn bậc 3'), vacancy(vb, 2, 'Thợ hàn bậc 3')] },
];

export const isTopic = <T extends TopicDefinition>(chunk: Chunk, topic: T): chunk is Extract<Chunk, { topic: T }> => chunk.topic.name === topic.name;
