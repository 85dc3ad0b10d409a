import { describe, expect, it } from 'vitest';
import { CITIZEN_ID_MASK, formatDeadLetter, formatEvent, maskCitizenIds, type RecordView } from '../../src/index.js';
import { deadLetterView } from '../../src/dlq/dead-letter-view.js';

const record = (value: unknown, overrides: Partial<RecordView> = {}): RecordView => ({
  topic: 'ingest.workers.v1',
  partition: 1,
  offset: '42',
  timestamp: String(Date.parse('2026-11-26T04:00:00Z')),
  key: 'desk-77',
  value: typeof value === 'string' ? value : JSON.stringify(value),
  headers: {},
  ...overrides,
});

const submission = {
  specversion: '1.0',
  id: 'e1',
  source: '/desk',
  type: 'worker.registered',
  time: '2026-11-26T03:59:58.000Z',
  subject: 'desk-77',
  data: { externalRef: 'desk-77', profile: { fullName: 'Hoàng Thị Thu Hà', citizenId: '019198123456', note: 'CCCD 019198123456 checked', dateOfBirth: '1998-03-14' } },
};

describe('formatEvent', () => {
  it('prints time, place, type, key, subject and compact data', () => {
    const line = formatEvent(record(submission));
    expect(line).toMatch(/^2026-11-26T03:59:58.000Z {2}1@42 {2}worker\.registered {2}key=desk-77 {2}subject=desk-77 {2}\{"externalRef":"desk-77"/);
  });

  it('never prints a citizen-ID, as a field or inside text', () => {
    const line = formatEvent(record(submission), 0);
    expect(line).not.toContain('019198123456');
    expect(line).toContain(`"citizenId":"${CITIZEN_ID_MASK}"`);
    expect(line).toContain(`CCCD ${CITIZEN_ID_MASK} checked`);
    expect(formatEvent(record('raw 019198123456 text'))).not.toContain('019198123456');
    expect(formatEvent(record(submission, { key: '019198123456' }))).toContain(`key=${CITIZEN_ID_MASK}`);
  });

  it('clips long data to the width, and shows what is not a CloudEvent', () => {
    expect(formatEvent(record(submission), 40).endsWith('…')).toBe(true);
    expect(formatEvent(record('{oops'))).toContain('(not a CloudEvent)');
    expect(formatEvent(record(null, { value: null }))).toContain('(no value)');
  });
});

describe('maskCitizenIds', () => {
  it('masks nested citizen-ID fields whatever their case, and leaves other numbers', () => {
    expect(maskCitizenIds({ a: [{ CCCD: '001099000001', phone: '0912345678', count: 12 }] })).toEqual({ a: [{ CCCD: CITIZEN_ID_MASK, phone: '0912345678', count: 12 }] });
    expect(maskCitizenIds('1234567890123')).toBe('1234567890123');
  });
});

describe('formatDeadLetter', () => {
  const dead = record(submission, {
    topic: 'ingest.workers.v1.dlq',
    partition: 0,
    offset: '3',
    headers: {
      'ketnoi-dlq-code': 'SCHEMA_MISMATCH',
      'ketnoi-dlq-reason': 'worker.registered: data.profile.citizenId: 019198123456 is invalid',
      'ketnoi-dlq-topic': 'ingest.workers.v1',
      'ketnoi-dlq-partition': '2',
      'ketnoi-dlq-offset': '918',
      'ketnoi-dlq-group': 'registration',
      'ketnoi-dlq-at': '2026-11-26T04:01:00.000Z',
    },
  });

  it('shows offset, when, code, type, origin, group, replay state and the reason, masked', () => {
    const text = formatDeadLetter(deadLetterView(dead), undefined);
    expect(text).toContain('0:3  2026-11-26T04:01:00.000Z  SCHEMA_MISMATCH  worker.registered  key=desk-77  from ingest.workers.v1[2]@918 (group registration)  not replayed');
    expect(text).toContain(`citizenId: ${CITIZEN_ID_MASK} is invalid`);
    const replayed = formatDeadLetter(deadLetterView(dead), { dlqTopic: 'x', partition: 0, offset: '3', originTopic: 'ingest.workers.v1', replayedAt: '2026-11-26T05:00:00.000Z', by: 'lan' });
    expect(replayed).toContain('replayed 2026-11-26T05:00:00.000Z by lan');
  });
});
