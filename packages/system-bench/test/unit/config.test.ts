import { describe, expect, it } from 'vitest';
import { readBenchEnv } from '../../src/config.js';

describe('readBenchEnv', () => {
  it('has defaults that start its own infrastructure', () => {
    const env = readBenchEnv({});
    expect(env.KAFKA_BROKERS).toBeUndefined();
    expect(env.FERRETDB_BACKEND).toBe('postgresql');
    expect(env.BENCH_RATES).toEqual([10, 100]);
    expect(env.BENCH_INGEST).toBeGreaterThan(0);
  });

  it('reads lists and treats an empty variable as unset', () => {
    const env = readBenchEnv({ KAFKA_BROKERS: 'a:1, b:2', MONGO_URL: 'mongodb://x:27017', BENCH_RATES: '10,50,200', FERRETDB_BACKEND: '' });
    expect(readBenchEnv({ FERRETDB_BACKEND: 'sqlite' }).FERRETDB_BACKEND).toBe('sqlite');
    expect(env.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(env.BENCH_RATES).toEqual([10, 50, 200]);
    expect(env.FERRETDB_BACKEND).toBe('postgresql');
  });

  it('names a bad variable', () => {
    expect(() => readBenchEnv({ BENCH_RATES: '10,fast' })).toThrow(/BENCH_RATES/);
    expect(() => readBenchEnv({ FERRETDB_BACKEND: 'mysql' })).toThrow(/FERRETDB_BACKEND/);
    expect(() => readBenchEnv({ BENCH_SERVICE_ENV: 'KAFKA_FETCH_MIN_BYTES' })).toThrow(/BENCH_SERVICE_ENV/);
  });

  it('runs the floor phase unless BENCH_FLOOR=0', () => {
    expect(readBenchEnv({}).BENCH_FLOOR).toBe('1');
    expect(readBenchEnv({ BENCH_FLOOR: '0' }).BENCH_FLOOR).toBe('0');
    expect(readBenchEnv({ BENCH_FLOOR: '' }).BENCH_FLOOR).toBe('1');
    expect(() => readBenchEnv({ BENCH_FLOOR: 'no' })).toThrow(/BENCH_FLOOR/);
  });

  it('runs the request floor unless BENCH_FLOOR_REQUEST=0', () => {
    expect(readBenchEnv({}).BENCH_FLOOR_REQUEST).toBe('1');
    expect(readBenchEnv({ BENCH_FLOOR_REQUEST: '0' }).BENCH_FLOOR_REQUEST).toBe('0');
    expect(() => readBenchEnv({ BENCH_FLOOR_REQUEST: 'yes' })).toThrow(/BENCH_FLOOR_REQUEST/);
  });

  it('reads the services\' settings as NAME=value pairs', () => {
    expect(readBenchEnv({}).BENCH_SERVICE_ENV).toEqual({});
    expect(readBenchEnv({ BENCH_SERVICE_ENV: 'KAFKA_FETCH_MIN_BYTES=16384, KAFKA_FETCH_MAX_WAIT_MS=20,X=a=b' }).BENCH_SERVICE_ENV).toEqual({
      KAFKA_FETCH_MIN_BYTES: '16384',
      KAFKA_FETCH_MAX_WAIT_MS: '20',
      X: 'a=b',
    });
  });
});
