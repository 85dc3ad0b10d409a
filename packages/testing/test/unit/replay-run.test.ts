import { describe, expect, it } from 'vitest';
import { replayMode, replayRun } from '../../src/index.js';

const issuer = { issuer: 'urn:test', audience: 'ketnoi', publicKeyPem: 'PEM' };

describe('replayRun', () => {
  it('defaults to the local infrastructure and to timing one by one, then batches of 500', () => {
    const { brokers, mongoUrl, modes, run, count } = replayRun('jf-replay', {});
    expect(brokers).toEqual(['127.0.0.1:9092']);
    expect(mongoUrl).toBe('mongodb://127.0.0.1:27017');
    expect(modes).toEqual([0, 500]);
    expect(run).toMatch(/^jf-replay-[0-9a-z]+$/);
    expect(count('REPLAY_WORKERS', 1_000)).toBe(1_000);
  });

  it('reads the infrastructure, the modes and the counts from the environment', () => {
    const replay = replayRun('r', { KAFKA_BROKERS: 'a:1,b:2', MONGO_URL: 'mongodb://db:1', REPLAY_MODES: '100,0,20', REPLAY_WORKERS: '7' });
    expect(replay.brokers).toEqual(['a:1', 'b:2']);
    expect(replay.mongoUrl).toBe('mongodb://db:1');
    expect(replay.modes).toEqual([100, 0, 20]);
    expect(replay.count('REPLAY_WORKERS', 1_000)).toBe(7);
  });

  it("gives the service under replay this run's infrastructure, its own database, the issuer and its own variables", () => {
    const { serviceEnv } = replayRun('r', { KAFKA_BROKERS: 'a:1,b:2', MONGO_URL: 'mongodb://db:1' });
    expect(serviceEnv('db_1', issuer, { X_BATCH_SIZE: '0', LOG_LEVEL: 'error' })).toEqual({
      MONGO_URL: 'mongodb://db:1',
      MONGO_DB_NAME: 'db_1',
      KAFKA_BROKERS: 'a:1,b:2',
      AUTH_ISSUER: 'urn:test',
      AUTH_AUDIENCE: 'ketnoi',
      AUTH_JWT_PUBLIC_KEY: 'PEM',
      LOG_LEVEL: 'error',
      X_BATCH_SIZE: '0',
    });
  });
});

describe('replayMode', () => {
  it('names batches of one (size 0 or 1) and larger batch sizes', () => {
    expect(replayMode(0)).toBe('one event per batch');
    expect(replayMode(1)).toBe('one event per batch');
    expect(replayMode(2)).toBe('batches of up to 2');
    expect(replayMode(500)).toBe('batches of up to 500');
  });
});
