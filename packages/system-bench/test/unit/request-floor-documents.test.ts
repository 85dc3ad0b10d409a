import { describe, expect, it } from 'vitest';
import {
  bsonSize,
  claimDocs,
  employerDoc,
  floorEvent,
  REAL_POST_BYTES,
  requestDocuments,
  requestFloorTexts,
  storedVersion,
  vacancyIdOf,
} from '../../src/request-floor-documents.js';

const ids = (now = 1_795_814_882_644) => ({ vacancyId: vacancyIdOf(now), employerId: `emp_${'k'.repeat(26)}`, eventId: '0b0e6a44-3d1b-4c47-9f0e-1e5d0c3b9a11', at: new Date(now) });
const texts = requestFloorTexts();

describe('vacancyIdOf', () => {
  it('is as long as a real id (vac_ and a ULID) whatever the time, and new each time', () => {
    for (const now of [0, 1, 1_795_814_882_644, 99_999_999_999_999]) expect(vacancyIdOf(now)).toMatch(/^vac_[0-9a-z]{10}[0-9a-f]{16}$/u);
    expect(vacancyIdOf(5)).not.toBe(vacancyIdOf(5));
  });
});

describe('a request\'s documents', () => {
  const sample = ids();
  const docs = requestDocuments(sample, texts, 'bench_1-v100-7', '{"title":"Thợ hàn"}');
  const stored = storedVersion(docs.version);

  it('come out at the real POST\'s sizes', () => {
    expect(bsonSize(docs.claim.docs[0])).toBe(REAL_POST_BYTES.claim);
    expect(bsonSize(docs.claim.docs[1])).toBe(REAL_POST_BYTES.effect);
    expect(bsonSize(docs.head)).toBe(REAL_POST_BYTES.head);
    expect(bsonSize(stored.pending)).toBe(REAL_POST_BYTES.pending);
    expect(bsonSize(docs.answer)).toBe(REAL_POST_BYTES.answer);
    expect(bsonSize(employerDoc(`emp_${'k'.repeat(26)}`, new Date(), texts))).toBe(REAL_POST_BYTES.employer);
    // Not fitted on their own: the version shares the head's state text and the entry's outbox.
    expect(Math.abs(bsonSize(stored.version) - REAL_POST_BYTES.version)).toBeLessThan(REAL_POST_BYTES.version * 0.03);
  });

  it('produce an event no larger than the real one, within 6%', () => {
    // As the relay sends it: the CloudEvent of the stored event.
    const { id, type, time, subject, data } = docs.version.outbox[0]!;
    const bytes = Buffer.byteLength(JSON.stringify({ specversion: '1.0', id, source: '/ketnoi/vacancy-intake', type, time, subject, datacontenttype: 'application/json', data }));
    expect(bytes).toBeLessThanOrEqual(REAL_POST_BYTES.event);
    expect(bytes).toBeGreaterThan(REAL_POST_BYTES.event * 0.94);
  });

  it('keep their sizes for any request (ids of fixed length)', () => {
    const other = requestDocuments(ids(7), texts, 'another-key-of-another-length', 'x'.repeat(3000));
    for (const name of ['head', 'answer'] as const) expect(bsonSize(other[name])).toBe(bsonSize(docs[name]));
    const otherStored = storedVersion(other.version);
    for (const name of ['pending', 'version'] as const) expect(bsonSize(otherStored[name])).toBe(bsonSize(stored[name]));
  });

  it('store the event the relay produces, vacancy.opened keyed by the vacancy, in the version and its entry', () => {
    expect(docs.version.outbox).toEqual([floorEvent(sample, texts.eventPad)]);
    expect(docs.version.outbox[0]).toMatchObject({ topic: 'vacancies.v1', type: 'vacancy.opened', subject: sample.vacancyId, data: { vacancyId: sample.vacancyId } });
    expect(stored.pending).toMatchObject({ _id: `${sample.vacancyId}:1`, order: 1, events: stored.version.outbox });
    expect(stored.version).toMatchObject({ _id: `${sample.vacancyId}:1`, aggregateId: sample.vacancyId, version: 1, outboxPending: true });
  });

  it('answer with the vacancy\'s id, and keep that answer under the claim', () => {
    expect(JSON.parse(docs.reply)).toMatchObject({ vacancyId: sample.vacancyId });
    expect(docs.answer).toMatchObject({ _id: `${docs.claim.claimId}:answer`, status: 201, body: docs.reply });
  });
});

describe('claimDocs', () => {
  it('claims the key, and names the effect by the claim and the request\'s fingerprint', () => {
    const sample = ids();
    const first = claimDocs('k1', '{"a":1}', sample);
    const [claim, effect] = first.docs;
    expect(claim._id).toBe(first.claimId);
    expect(claim.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
    expect(effect).toMatchObject({ _id: `${first.claimId}:effect:${String(claim.fingerprint)}`, effect: sample.vacancyId });
    expect(claimDocs('k1', '{"a":2}', sample).claimId).toBe(first.claimId);
    expect(claimDocs('k1', '{"a":2}', sample).docs[0].fingerprint).not.toBe(claim.fingerprint);
    expect(claimDocs('k2', '{"a":1}', sample).claimId).not.toBe(first.claimId);
  });
});
