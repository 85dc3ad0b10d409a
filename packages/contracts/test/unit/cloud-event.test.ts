import { describe, expect, it } from 'vitest';
import { vacanciesTopic, workersTopic } from '../../src/index.js';
import { aWorkerSnapshot } from './mothers.js';

const registered = workersTopic.events[0];

describe('event envelopes', () => {
  it('accepts a well-formed worker.registered CloudEvent', () => {
    const event = {
      specversion: '1.0',
      id: 'evt-1',
      source: '/ketnoi/registration',
      type: 'worker.registered',
      time: '2026-11-26T08:00:00+07:00',
      subject: 'wrk_000001',
      data: aWorkerSnapshot(),
    };
    expect(registered.envelope.safeParse(event).success).toBe(true);
  });

  it('rejects a worker event that smuggles no valid commune and a wrong type', () => {
    const event = {
      specversion: '1.0',
      id: 'evt-2',
      source: '/ketnoi/registration',
      type: 'worker.updated',
      time: '2026-11-26T08:00:00Z',
      subject: 'wrk_000001',
      data: { ...aWorkerSnapshot(), communeCode: 'Thai Nguyen' },
    };
    const result = registered.envelope.safeParse(event);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['type', 'data.communeCode']));
  });

  it('keeps personal fields out of the pseudonymous worker event', () => {
    const fields = Object.keys(registered.data.shape);
    for (const personal of ['fullName', 'phone', 'email', 'citizenId', 'dateOfBirth', 'ethnicity']) {
      expect(fields).not.toContain(personal);
    }
  });

  it('checks vacancy wage bounds', () => {
    const terms = vacanciesTopic.events[0].data.shape.terms;
    const base = {
      title: 'Công nhân lắp ráp điện tử',
      occupationCode: '8212',
      positions: 50,
      skills: [],
      certificates: [],
      minQualification: 'none',
      languages: [],
      communeCode: '05860',
      wageMinVnd: 8_000_000,
      wageMaxVnd: 6_000_000,
      shifts: ['rotating'],
      minExperienceYears: 0,
      deadline: '2026-12-31',
    };
    expect(terms.safeParse(base).success).toBe(false);
    expect(terms.safeParse({ ...base, wageMaxVnd: 9_000_000 }).success).toBe(true);
  });
});
