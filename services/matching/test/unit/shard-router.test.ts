import type { TopicEvent } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { partitionOfKey, shardsOf } from '../../src/sharding/shard-router.js';
import type { shardInputTopic } from '../../src/sharding/topics.js';
import { aVacancy, aWorker } from '../mothers.js';

type Input = TopicEvent<typeof shardInputTopic>;
const envelope = { specversion: '1.0', id: 'e-1', source: '/test', time: '2026-11-20T00:00:00.000Z', datacontenttype: 'application/json' };
const workerEvent = (workerId: string) => ({ ...envelope, type: 'worker.registered', subject: workerId, data: aWorker({ workerId }) }) as Input;

describe('routing to shards', () => {
  it("sends a worker's events and hires to the worker's one shard, and a vacancy's events to every shard", () => {
    const hire = {
      ...envelope,
      type: 'placement.recorded',
      subject: 'vacancy-0001',
      data: { placementId: 'p-1', version: 1, vacancyId: 'vacancy-0001', workerId: 'worker-0042', employerId: 'employer-0001', hiredAt: '2026-11-02T00:00:00.000Z' },
    } as Input;
    const vacancy = { ...envelope, type: 'vacancy.opened', subject: 'vacancy-0001', data: aVacancy() } as Input;
    expect(shardsOf(workerEvent('worker-0042'), 6)).toEqual([partitionOfKey('worker-0042', 6)]);
    expect(shardsOf(hire, 6)).toEqual(shardsOf(workerEvent('worker-0042'), 6));
    expect(shardsOf(vacancy, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('spreads workers over the shards as the producer spreads them over workers.v1 (murmur2 of the key)', () => {
    const shards = new Set(Array.from({ length: 60 }, (_, i) => partitionOfKey(`worker-${i}`, 6)));
    expect([...shards].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Pinned: another partitioner would put every worker in another shard than its workers.v1 partition.
    expect(partitionOfKey('worker-0042', 6)).toBe(3);
    expect(partitionOfKey('a', 6)).toBe(4);
  });
});
