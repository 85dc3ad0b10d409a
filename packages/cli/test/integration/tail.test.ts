import { testKafka, uniqueName, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCliEnv, runCli } from '../../src/index.js';
import { cliKafka } from '../../src/kafka/cli-kafka.js';
import { captureIo } from '../unit/capture-io.js';

const event = (type: string, subject: string, data: unknown) =>
  JSON.stringify({ specversion: '1.0', id: uniqueName('e'), source: '/test', type, time: new Date().toISOString(), subject, data });

describe('ketnoi tail on the real broker', () => {
  const topic = uniqueName('cli-tail');
  const kafka = testKafka();
  const producer = kafka.producer();
  const env = () => readCliEnv({ KAFKA_BROKERS: inject('infra').kafkaBrokers.join(',') });

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'a', value: event('worker.registered', 'a', { externalRef: 'a', profile: { citizenId: '019198123456', qualification: 'college' } }) },
        { key: 'b', value: event('worker.updated', 'b', { externalRef: 'b' }) },
        { key: 'b', value: event('worker.registered', 'b', { externalRef: 'b' }) },
      ],
    });
  });

  afterAll(async () => {
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('prints past events of one type readably, citizen-IDs masked', async () => {
    const io = captureIo();
    const code = await runCli(['tail', topic, '--from-beginning', '--type', 'worker.registered', '--max', '2'], { io, env: env(), kafka: cliKafka });
    expect(code).toBe(0);
    expect(io.stdout).toHaveLength(2);
    expect(io.stdout.every((line) => / {2}worker\.registered {2}key=[ab] {2}subject=[ab] {2}\{"externalRef":"[ab]"/.test(line))).toBe(true);
    const a = io.stdout.find((line) => line.includes('key=a'))!;
    expect(a).toContain('"citizenId":"‹citizen-id›","qualification":"college"');
    expect(io.stdout.join('\n')).not.toContain('019198123456');
  });

  it('follows from now, printing only new records with the chosen key', async () => {
    const io = captureIo();
    const running = runCli(['tail', topic, '--key', 'c', '--max', '1'], { io, env: env(), kafka: cliKafka });
    await waitFor(() => io.stderr.some((line) => line.startsWith(`following ${topic}`)), { what: 'the tail to join' });
    // The consumer takes the end offsets just after joining: keep sending until one arrives after that.
    let done = false;
    void running.then(() => (done = true));
    await waitFor(
      async () => {
        if (done) return true;
        await producer.send({ topic, messages: [{ key: 'd', value: event('worker.updated', 'd', {}) }, { key: 'c', value: event('worker.updated', 'c', { n: 1 }) }] });
        return false;
      },
      { intervalMs: 300, what: 'a new record with key c printed' },
    );
    expect(await running).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(/ {2}worker\.updated {2}key=c {2}subject=c {2}\{"n":1\}$/);
  });
});
