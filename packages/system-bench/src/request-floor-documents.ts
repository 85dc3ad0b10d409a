import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { vacanciesTopic } from '@ketnoi/contracts';
import { withOutbox, type PendingEvent } from '@ketnoi/service-kit';
import mongoose from 'mongoose';

/**
 * What a real POST /v1/vacancies stores and sends, in bytes (BSON; Kafka: the
 * message value), means over 20 demo vacancies of the bench's generator posted
 * as staff to vacancy-intake's app on FerretDB 1.24 / PostgreSQL (27 Nov,
 * a scratch script printing the stored documents' and the inserts' sizes):
 * claim 199, effect 232, employer head 431 (its only text `stateJson`, the
 * contacts; no `_packed`), version 2,596 (min 2,373, max 3,029), pending
 * entry 1,383, head 1,296, answer 1,411; vacancy.opened on vacancies.v1
 * 1,366 B (key 30 B, headers content-type and ce_type; 6 partitions).
 */
export const REAL_POST_BYTES = { claim: 199, effect: 232, employer: 431, version: 2_596, pending: 1_383, head: 1_296, answer: 1_411, event: 1_366 } as const;

/** The real collections' indexes besides `_id` (listIndexes on the same run): every insert of the floor maintains them too. */
export const REAL_INDEXES: Record<string, Record<string, 1>[]> = {
  idempotency_keys: [{ expiresAt: 1 }],
  employers: [{ taxCode: 1 }],
  vacancies: [{ employerId: 1, status: 1 }, { status: 1, expiresAt: 1 }],
  vacancies_versions: [{ aggregateId: 1, version: 1 }, { outboxPending: 1 }],
  vacancies_versions_pending: [],
};

const TTL_MS = 24 * 3600_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const size = (doc: object) => mongoose.mongo.BSON.calculateObjectSize(doc as mongoose.mongo.BSON.Document);

/** A vacancy's id as long as the real ones (`vac_` and a 26-character ULID): every document's size depends on it. */
export const vacancyIdOf = (now: number): string => `vac_${now.toString(36).padStart(10, '0').slice(-10)}${randomBytes(8).toString('hex')}`;

/** A document's fields around one text, and the text that makes it `bytes` long (ASCII, so bytes are characters). */
function fitted(build: (text: string) => object, bytes: number): string {
  return 'x'.repeat(Math.max(0, bytes - size(build(''))));
}

/** A sample vacancy's ids and times, of the real lengths: the texts are fitted on it once, and fit every request. */
const SAMPLE = { vacancyId: vacancyIdOf(0), employerId: `emp_${'0'.repeat(26)}`, eventId: randomUUID(), at: new Date(0), claimId: sha256(''), fingerprint: sha256('') };

/** The head's scalar fields (the real head's, the terms' search fields among them), as the version's `state` keeps all but those. */
const scalars = (employerId: string, at: Date) => ({
  employerId,
  status: 'open',
  positionsFilled: 0,
  hiredWorkerIds: [] as string[],
  fdi: false,
  vsicSector: 'C2610',
  openedAt: at.toISOString(),
  expiresAt: new Date(at.getTime() + 15 * 86_400_000).toISOString(),
  titleKey: 'han tho',
});

export interface RequestIds {
  vacancyId: string;
  employerId: string;
  eventId: string;
  at: Date;
}

/** The texts every request's documents carry, fitted once so that they come out at the real sizes. */
export interface RequestFloorTexts {
  /** The state's packed JSON (the terms): in the version and the head. */
  stateJson: string;
  /** Padding of the event's `data`: makes the outbox text, and so the pending entry, the real size. */
  eventPad: string;
  /** Padding of the answer's body. */
  bodyPad: string;
  /** The employer head's `stateJson`. */
  employerJson: string;
}

/**
 * vacancy.opened as a version's outbox holds it (service-kit's
 * `PendingEvent`; `data.vacancyId` as the bench's watchers read it): the
 * relay makes it a CloudEvent when it produces it.
 */
export function floorEvent(ids: RequestIds, pad: string): PendingEvent {
  const { vacancyId, employerId, eventId, at } = ids;
  const time = at.toISOString();
  return { id: eventId, topic: vacanciesTopic.name, type: 'vacancy.opened', subject: vacancyId, time, data: { vacancyId, version: 1, employerId, status: 'open', openedAt: time, terms: pad } };
}

/** The idempotency claim and the effect (the id of what the request creates), inserted together. */
export function claimDocs(key: string, body: string, ids: Pick<RequestIds, 'vacancyId' | 'at'>): { claimId: string; docs: [Record<string, unknown>, Record<string, unknown>] } {
  const claimId = sha256(key);
  const fingerprint = sha256(body);
  const createdAt = ids.at;
  const expiresAt = new Date(createdAt.getTime() + TTL_MS);
  return {
    claimId,
    docs: [
      { _id: claimId, fingerprint, createdAt, expiresAt },
      { _id: `${claimId}:effect:${fingerprint}`, effect: ids.vacancyId, createdAt, expiresAt },
    ],
  };
}

/** Version 1 with its event, as given to `insertVersion` (which stores the outbox as JSON text). */
export function versionDoc(ids: RequestIds, texts: Pick<RequestFloorTexts, 'stateJson'>, event: PendingEvent) {
  const { vacancyId, employerId, at } = ids;
  return { _id: `${vacancyId}:1`, aggregateId: vacancyId, version: 1, state: scalars(employerId, at), stateJson: texts.stateJson, at, outbox: [event] };
}

/** The version and its pending-index entry as `insertVersion` stores them: what the sizes are fitted on. */
export function storedVersion(version: ReturnType<typeof versionDoc>): { version: Record<string, unknown>; pending: Record<string, unknown> } {
  const outbox = withOutbox(version.outbox);
  return { version: { ...version, ...outbox }, pending: { _id: version._id, order: version.version, events: outbox.outbox, at: version.at } };
}

/** The head (the terms' search fields at the top level, the rest packed). */
export function headDoc(ids: RequestIds, texts: Pick<RequestFloorTexts, 'stateJson'>): Record<string, unknown> {
  const { vacancyId, employerId, at } = ids;
  const { status, ...rest } = scalars(employerId, at);
  return { _id: vacancyId, status, occupationCode: '7212', communeCode: '05528', industrialParkCode: 'song-cong-1', ...rest, version: 1, updatedAt: at, stateJson: texts.stateJson };
}

/** The 201 answer's body (the vacancy's view in the real one). */
export const answerBody = (ids: RequestIds, pad: string): string => JSON.stringify({ vacancyId: ids.vacancyId, version: 1, employerId: ids.employerId, status: 'open', terms: pad });

/** The answer kept for the key, inserted before the reply. */
export function answerDoc(claimId: string, ids: RequestIds, body: string): Record<string, unknown> {
  const createdAt = ids.at;
  return {
    _id: `${claimId}:answer`,
    status: 201,
    headers: { 'content-type': 'application/json; charset=utf-8', location: `/v1/vacancies/${ids.vacancyId}`, etag: '"1"' },
    body,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + TTL_MS),
  };
}

/** The one employer every POST names, seeded before the phase. */
export function employerDoc(employerId: string, at: Date, texts: Pick<RequestFloorTexts, 'employerJson'>): Record<string, unknown> {
  return {
    _id: employerId,
    taxCode: '4601900027',
    name: 'Công ty TNHH Mẫu KetNoi (demo)',
    vsicSector: 'C2610',
    fdi: false,
    industrialParkCode: 'yen-binh',
    communeCode: '05890',
    street: 'Lô CN-01, KCN Yên Bình',
    status: 'active',
    registeredAt: at.toISOString(),
    version: 1,
    updatedAt: at,
    stateJson: texts.employerJson,
  };
}

/** The texts that make every document the real size (REAL_POST_BYTES), fitted on a sample of the real ids' lengths. */
export function requestFloorTexts(bytes: typeof REAL_POST_BYTES = REAL_POST_BYTES): RequestFloorTexts {
  const stateJson = fitted((text) => headDoc(SAMPLE, { stateJson: text }), bytes.head);
  return {
    stateJson,
    eventPad: fitted((pad) => storedVersion(versionDoc(SAMPLE, { stateJson }, floorEvent(SAMPLE, pad))).pending, bytes.pending),
    bodyPad: fitted((pad) => answerDoc(SAMPLE.claimId, SAMPLE, answerBody(SAMPLE, pad)), bytes.answer),
    employerJson: fitted((text) => employerDoc(SAMPLE.employerId, SAMPLE.at, { employerJson: text }), bytes.employer),
  };
}

/** One request's documents, given its ids and the fitted texts. */
export function requestDocuments(ids: RequestIds, texts: RequestFloorTexts, key: string, body: string) {
  const claim = claimDocs(key, body, ids);
  const reply = answerBody(ids, texts.bodyPad);
  return {
    claim,
    version: versionDoc(ids, texts, floorEvent(ids, texts.eventPad)),
    head: headDoc(ids, texts),
    reply,
    answer: answerDoc(claim.claimId, ids, reply),
  };
}

export const bsonSize = size;
