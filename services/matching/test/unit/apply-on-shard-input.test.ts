import type { BatchContext, BatchItem } from '@ketnoi/messaging';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { withRematchRequests } from '../../src/consumers/apply-on-shard-input.js';
import type { ShardHost } from '../../src/sharding/shard-host.js';
import type { shardInputTopic } from '../../src/sharding/topics.js';

type Item = BatchItem<typeof shardInputTopic>;

const item = (offset: number, type: string, data: object = {}): Item => ({ offset: String(offset), headers: {}, event: { type, data } as Item['event'] });

describe('a shard-input batch with re-match requests', () => {
  it('goes to the shard in offset order: the events between requests in runs, each request on its own, one outcome per item', async () => {
    const calls: string[] = [];
    const host = { requestRematch: async (shard: number, offset: number) => void calls.push(`rematch:${shard}@${offset}`) } as unknown as ShardHost;
    const handler = withRematchRequests(
      () => host,
      async (items) => {
        calls.push(`apply:${items.map((i) => i.offset).join(',')}`);
        return items.map(() => 'duplicate' as const);
      },
    );
    const context = { topic: 't', partition: 3, attempt: 1, log: pino({ level: 'silent' }), heartbeat: async () => {} } as BatchContext;
    const request = { jobId: '6f1c1a4e-2b7f-4c2a-9c5e-0d1f2a3b4c5d', asOfMonth: 24330 };
    const outcomes = await handler(
      [item(10, 'worker.registered'), item(11, 'vacancy.opened'), item(12, 'shard.rematch-requested', request), item(13, 'worker.updated')],
      context,
    );
    expect(calls).toEqual(['apply:10,11', 'rematch:3@12', 'apply:13']);
    expect(outcomes).toEqual(['duplicate', 'duplicate', 'ok', 'duplicate']);
  });
});
