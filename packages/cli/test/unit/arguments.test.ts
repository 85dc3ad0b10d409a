import { describe, expect, it } from 'vitest';
import { brokerList, integerIn, isoDay } from '../../src/commands/arguments.js';
import { readCliEnv, resolveFile } from '../../src/config.js';
import { dlqTopicOf, parseOffsets, replayLogTopicOf, selectRecords } from '../../src/index.js';

describe('argument parsers', () => {
  it('reads offsets, with or without a partition', () => {
    expect(parseOffsets('3, 5,0:7')).toEqual([{ offset: '3' }, { offset: '5' }, { partition: 0, offset: '7' }]);
    expect(() => parseOffsets('3,x')).toThrow('"x" is not an offset');
    expect(() => parseOffsets(' , ')).toThrow('at least one offset');
  });

  it('selects the named records and refuses unknown or ambiguous offsets', () => {
    const records = [{ partition: 0, offset: '3' }, { partition: 0, offset: '5' }, { partition: 1, offset: '5' }];
    expect(selectRecords(records, [{ offset: '3' }, { partition: 1, offset: '5' }])).toEqual([records[0], records[2]]);
    expect(() => selectRecords(records, [{ offset: '9' }])).toThrow('no dead letter at offset 9');
    expect(() => selectRecords(records, [{ offset: '5' }])).toThrow('partition:offset');
  });

  it('checks numbers, brokers and dates', () => {
    expect(integerIn(1, 10)('7')).toBe(7);
    expect(() => integerIn(1, 10)('11')).toThrow('between 1 and 10');
    expect(() => integerIn(1, 10)('-1')).toThrow('not a whole number');
    expect(brokerList('a:9092, b:9093')).toEqual(['a:9092', 'b:9093']);
    expect(() => brokerList('a')).toThrow('host:port');
    expect(isoDay('2026-11-26')).toBe('2026-11-26');
    expect(() => isoDay('26/11/2026')).toThrow('YYYY-MM-DD');
  });

  it('names the dead-letter and replay-log topics from either name', () => {
    expect(dlqTopicOf('ingest.workers.v1')).toBe('ingest.workers.v1.dlq');
    expect(dlqTopicOf('ingest.workers.v1.dlq')).toBe('ingest.workers.v1.dlq');
    expect(replayLogTopicOf('ingest.workers.v1.dlq')).toBe('ingest.workers.v1.dlq.replayed');
  });
});

describe('environment', () => {
  it('has local defaults, takes either token variable, and resolves files from where pnpm was run', () => {
    const env = readCliEnv({ STAFF_TOKEN: 't1', INIT_CWD: '/home/op/files' }, '/repo');
    expect(env).toEqual({ kafkaBrokers: ['127.0.0.1:9092'], registrationUrl: 'http://127.0.0.1:3001', vacancyIntakeUrl: 'http://127.0.0.1:3002', token: 't1', cwd: '/home/op/files' });
    expect(readCliEnv({ KETNOI_TOKEN: 'k', STAFF_TOKEN: 's', KAFKA_BROKERS: 'a:1,b:2' }).token).toBe('k');
    expect(resolveFile(env, 'workers.csv')).toBe('/home/op/files/workers.csv');
    expect(resolveFile(env, '/tmp/w.csv')).toBe('/tmp/w.csv');
  });

  it('names a bad variable without echoing its value', () => {
    expect(() => readCliEnv({ VACANCY_INTAKE_URL: 'not a url secret' })).toThrow(/VACANCY_INTAKE_URL/);
    expect(() => readCliEnv({ VACANCY_INTAKE_URL: 'not a url secret' })).not.toThrow(/secret/);
  });
});
