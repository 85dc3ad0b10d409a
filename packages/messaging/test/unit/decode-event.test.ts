import { ingestVacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { buildEvent, decodeEvent, MAX_EVENT_BYTES } from '../../src/index.js';
import { aVacancySubmission } from './mothers.js';

const topic = ingestVacanciesTopic;
const good = () =>
  buildEvent(topic, { type: 'vacancy.submitted', subject: 'ext-1', data: aVacancySubmission() }, '/test');
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('decodeEvent', () => {
  it('accepts what buildEvent produced', () => {
    const decoded = decodeEvent(topic, bytes(good()));
    expect(decoded.ok && decoded.event.data.terms.occupationCode).toBe('8212');
  });

  it.each([
    ['an empty message', null, 'EMPTY_MESSAGE'],
    ['a message that is not JSON', bytes('{"specversion": "1.0", '), 'INVALID_JSON'],
    ['JSON that is no CloudEvent', bytes({ hello: 'world' }), 'INVALID_ENVELOPE'],
    ['an event type the topic does not carry', bytes({ ...good(), type: 'vacancy.exploded' }), 'UNKNOWN_TYPE'],
    ['data of the wrong shape', bytes({ ...good(), data: { externalRef: 'x' } }), 'SCHEMA_MISMATCH'],
    ['a huge message', Buffer.alloc(MAX_EVENT_BYTES + 1, 32), 'TOO_LARGE'],
  ])('rejects %s with a reason', (_name, value, code) => {
    const decoded = decodeEvent(topic, value);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.code).toBe(code);
      expect(decoded.reason.length).toBeGreaterThan(5);
    }
  });

  it('names the failing fields but never echoes their values', () => {
    const event = { ...good(), data: { ...aVacancySubmission(), employerTaxCode: 'SECRET-VALUE' } };
    const decoded = decodeEvent(topic, bytes(event));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.reason).toContain('employerTaxCode');
      expect(decoded.reason).not.toContain('SECRET-VALUE');
    }
  });
});

describe('buildEvent', () => {
  it('fills the CloudEvents attributes and keys by subject', () => {
    const event = good();
    expect(event).toMatchObject({ specversion: '1.0', source: '/test', subject: 'ext-1', type: 'vacancy.submitted' });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.time)).not.toBeNaN();
  });

  it('refuses an invalid event before it reaches the broker', () => {
    const bad = { type: 'worker.erased' as const, subject: 'w', data: { workerId: 'w', version: 0, erasedAt: 'now' } };
    expect(() => buildEvent(workersTopic, bad, '/test')).toThrow(/worker.erased refused: .*workerId/);
  });
});
