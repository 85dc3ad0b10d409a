import { ingestWorkersTopic } from '@ketnoi/contracts';
import { EventConsumer, ensureTopics, withSuffix } from '@ketnoi/messaging';
import { readTopic, testKafka, testLogger, uniqueName } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCliEnv, readToEnd, runCli } from '../../src/index.js';
import { cliKafka } from '../../src/kafka/cli-kafka.js';
import { captureIo } from '../unit/capture-io.js';

const CITIZEN_ID = '019198123456';

describe('ketnoi dlq on the real broker', () => {
  const suffix = uniqueName('cli-dlq');
  const origin = withSuffix(suffix)(ingestWorkersTopic.name);
  const kafka = testKafka();
  const env = () => readCliEnv({ KAFKA_BROKERS: inject('infra').kafkaBrokers.join(',') });
  const cli = async (...argv: string[]) => {
    const io = captureIo();
    const code = await runCli(argv, { io, env: env(), kafka: cliKafka });
    return { code, ...io };
  };
  const poison = JSON.stringify({
    specversion: '1.0',
    id: 'poison-1',
    source: '/desk-7',
    type: 'worker.registered',
    time: '2026-11-26T04:00:00.000Z',
    subject: 'desk-7-001',
    data: { externalRef: 'desk-7-001', profile: { fullName: 'Nông Văn Dũng', citizenId: CITIZEN_ID } },
  });

  beforeAll(async () => {
    await ensureTopics(kafka, [ingestWorkersTopic], { topicName: withSuffix(suffix), withDeadLetters: true });
    // The real consumer of @ketnoi/messaging rejects both records to the .dlq twin with its headers.
    const consumer = new EventConsumer({ kafka, groupId: uniqueName('cli-dlq-group'), logger: testLogger(), topicName: withSuffix(suffix), maxWaitTimeInMs: 250 })
      .subscribe(ingestWorkersTopic, async () => undefined);
    await consumer.start();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: origin,
      messages: [
        { key: 'desk-7-001', value: poison, headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } },
        { key: 'desk-7-001', value: '{"specversion":' }, // same key: same partition, so rejected in this order
      ],
    });
    await producer.disconnect();
    const dlq = await readTopic(kafka, `${origin}.dlq`);
    await dlq.waitForCount(2);
    await dlq.stop();
    await consumer.stop();
  });

  const originRecords = async () => (await readToEnd(kafka, origin)).map((r) => r.message);

  it('lists the dead letters with offset, code, origin and reason, never the citizen-ID', async () => {
    const { code, stdout } = await cli('dlq', 'list', origin);
    expect(code).toBe(0);
    expect(stdout[0]).toBe(`${origin}.dlq: 2 dead letter(s), 0 replayed`);
    const text = stdout.join('\n');
    expect(text).toMatch(new RegExp(`0:0 {2}\\S+ {2}SCHEMA_MISMATCH {2}worker\\.registered {2}key=desk-7-001 {2}from ${origin.replace(/\./g, '\\.')}\\[\\d\\]@0 .* not replayed`));
    expect(text).toMatch(/0:1 .*INVALID_JSON .*key=desk-7-001/);
    expect(text).toContain('not JSON');
    expect(text).not.toContain(CITIZEN_ID);
  });

  it('replays a chosen record to its origin unchanged, records it, and will not repeat it without --force', async () => {
    const first = await cli('dlq', 'replay', origin, '--offset', '0');
    expect(first.stdout).toEqual([`replayed 0:0 to ${origin}`, '1 replayed, 0 skipped']);
    let records = await originRecords();
    expect(records).toHaveLength(3);
    const replayed = records.find((m) => m.headers?.['ketnoi-replayed-from']?.toString() === `${origin}.dlq:0:0`)!;
    expect(replayed.value?.toString()).toBe(poison);
    expect(replayed.key?.toString()).toBe('desk-7-001');
    expect(replayed.headers?.traceparent?.toString()).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(Object.keys(replayed.headers ?? {}).filter((h) => h.startsWith('ketnoi-dlq-'))).toEqual([]);

    const again = await cli('dlq', 'replay', origin, '--offset', '0');
    expect(again.stdout[0]).toMatch(/^skipped 0:0: replayed \S+ by \S+ \(--force replays it again\)$/);
    const all = await cli('dlq', 'replay', `${origin}.dlq`, '--all');
    expect(all.stdout).toContain(`replayed 0:1 to ${origin}`);
    expect(all.stdout.at(-1)).toBe('1 replayed, 1 skipped');
    records = await originRecords();
    expect(records).toHaveLength(4);

    expect((await cli('dlq', 'list', origin)).stdout[0]).toBe(`${origin}.dlq: 2 dead letter(s), 2 replayed`);
    expect((await cli('dlq', 'replay', origin, '--offset', '0', '--force')).stdout.at(-1)).toBe('1 replayed, 0 skipped');
    expect(await originRecords()).toHaveLength(5);
  });

  it('says so when an offset is not in the dead-letter topic, or the topic has none', async () => {
    const missing = await cli('dlq', 'replay', origin, '--offset', '99');
    expect(missing.code).toBe(1);
    expect(missing.stderr.at(-1)).toBe('error: no dead letter at offset 99');
    const none = await cli('dlq', 'list', `no-such-topic-${suffix}`);
    expect(none.stderr.at(-1)).toBe(`error: there is no topic no-such-topic-${suffix}.dlq`);
  });

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [origin, `${origin}.dlq`, `${origin}.dlq.replayed`] }).catch(() => undefined);
    await admin.disconnect();
  });
});
