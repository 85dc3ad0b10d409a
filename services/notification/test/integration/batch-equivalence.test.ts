import { employersTopic, matchesTopic, notificationsTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, logLines, startService, type TestService } from '../helpers.js';

const noon = new Date('2026-11-26T12:00:00+07:00');
const night = new Date('2026-11-26T22:00:00+07:00');

const proposed = (matchId: string, workerId: string, at: Date, type: 'match.proposed' | 'match.updated' = 'match.proposed') => ({
  id: `evt-${type}-${matchId}`,
  type,
  subject: matchId,
  data: { matchId, vacancyId: 'vac_test01', workerId, score: 0.8, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: at.toISOString() },
});
const withdrawn = (matchId: string, workerId: string, at: Date) => ({
  type: 'match.withdrawn' as const,
  subject: matchId,
  data: { matchId, vacancyId: 'vac_test01', workerId, reason: 'outranked' as const, at: at.toISOString() },
});
const later = (at: Date) => new Date(at.getTime() + 1_000);

// Noon: the cap (2 a day here), a redelivery, withdrawals before and after their proposal, the rules, the digest.
const atNoon = [
  proposed('mt_a1', 'wrk_eqa', noon),
  proposed('mt_a2', 'wrk_eqa', noon),
  proposed('mt_a3', 'wrk_eqa', noon),
  proposed('mt_a1', 'wrk_eqa', noon),
  withdrawn('mt_b1', 'wrk_eqb', later(noon)),
  proposed('mt_b1', 'wrk_eqb', noon),
  proposed('mt_b2', 'wrk_eqb', noon),
  withdrawn('mt_b2', 'wrk_eqb', later(noon)),
  proposed('mt_c1', 'wrk_eqc', noon),
  proposed('mt_d1', 'wrk_eqd', noon),
  proposed('mt_d2', 'wrk_eqd', noon),
  proposed('mt_e1', 'wrk_eqe', noon),
  proposed('mt_x1', 'wrk_ghost', noon),
  proposed('mt_a1', 'wrk_eqa', noon, 'match.updated'),
  proposed('mt_a4', 'wrk_eqa', noon),
];
// At night: SMS deferred, one of them withdrawn afterwards.
const atNight = [proposed('mt_f1', 'wrk_eqf', night), proposed('mt_f2', 'wrk_eqb', night), withdrawn('mt_f1', 'wrk_eqf', later(night)), proposed('mt_f1', 'wrk_eqf', night)];

const contacts = [
  aWorkerContact({ workerId: 'wrk_eqa', phone: '+84911100001', email: 'a@example.vn' }),
  aWorkerContact({ workerId: 'wrk_eqb', phone: '+84911100002', email: 'b@example.vn', preferredLanguage: 'en' }),
  aWorkerContact({ workerId: 'wrk_eqc', phone: '+84911100003', consentToNotifications: false }),
  aWorkerContact({ workerId: 'wrk_eqd', phone: '+84911100004', email: 'd@example.vn' }),
  aWorkerContact({ workerId: 'wrk_eqe', phone: '+84911100005', email: undefined, channels: { sms: false, email: true, inApp: true } }),
  aWorkerContact({ workerId: 'wrk_eqf', phone: '+84911100006', email: 'f@example.vn' }),
];

interface Seen {
  deliveries: unknown[];
  events: unknown[];
  sms: string[];
  emails: string[];
  inbox: unknown[];
  capSlots: unknown[];
  digestItems: unknown[];
  deferred: unknown[];
  matchStates: unknown[];
  webhookClaims: unknown[];
  outcomes: Record<string, number>;
}

/** The same events through one service one at a time and through another in batches: the same effects. */
describe('matches.v1 in batches against one by one, on the real broker and FerretDB', () => {
  let oneByOne: TestService;
  let batched: TestService;
  const readers: Awaited<ReturnType<typeof readTopic>>[] = [];

  const handledTotal = async (service: TestService) => {
    let total = 0;
    for (const type of ['match.proposed', 'match.updated', 'match.withdrawn']) {
      for (const outcome of ['ok', 'duplicate', 'retried']) total += await service.handled(type, outcome);
    }
    return total;
  };

  const prepare = async (service: TestService) => {
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    for (const contact of contacts) await service.publish(workerContactsTopic, contact.workerId, [{ type: 'worker-contact.updated', subject: contact.workerId, data: contact }]);
    const db = service.app.mongo.db!;
    await db.collection<{ _id: string }>('webhook_subscriptions').insertOne({ _id: 'whs_eq', employerId: 'emp_test01', url: 'https://hooks.invalid/ketnoi', events: ['candidate.proposed'], secret: 'not-used', createdAt: noon } as never);
    const staff = await service.bearer('staff-1', ['staff']);
    const digest = await service.app.inject({ method: 'PUT', url: '/v1/workers/wrk_eqd/preferences', headers: staff, payload: { delivery: 'digest' } });
    expect(digest.statusCode).toBe(200);
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === contacts.length && (await db.collection('employers').countDocuments()) === 1 && (await db.collection('vacancies').countDocuments()) === 1, {
      what: 'contacts, employer and vacancy projected',
    });
    const reader = await readTopic(testKafka(), service.topic(notificationsTopic.name));
    readers.push(reader);
    return reader;
  };

  const seen = async (service: TestService, reader: Awaited<ReturnType<typeof readTopic>>): Promise<Seen> => {
    const db = service.app.mongo.db!;
    const all = async (name: string, project: Record<string, 0 | 1> = {}) =>
      (await db.collection(name).find({}, { projection: project }).toArray()).map((d) => JSON.stringify(d)).sort();
    await waitFor(async () => (await db.collection('deliveries_pending').countDocuments()) === 0, { what: 'every event relayed' });
    // Every step but a send's claim carries one event.
    const count = (await db.collection<{ _id: string; state: string }>('deliveries').find().toArray()).filter((d) => d.state !== 'sending').length;
    await waitFor(() => new Set(reader.messages.map((m) => JSON.parse(m.value!).id)).size >= count, { what: `${count} events on notifications.v1` });
    const outcomes: Record<string, number> = {};
    for (const outcome of ['ok', 'duplicate']) outcomes[outcome] = await service.handled('match.proposed', outcome);
    return {
      deliveries: await all('deliveries', { at: 0, outbox: 0, outboxPending: 0 }),
      events: [...new Map(reader.messages.map((m) => JSON.parse(m.value!) as { id: string; type: string; data: Record<string, unknown> }).map((e) => [e.id, JSON.stringify([e.id, e.type, { ...e.data, at: undefined }])])).values()].sort(),
      sms: service.sms.received.map((r) => `${r.body.to} ${r.body.text}`).sort(),
      emails: service.smtp.received.map((m) => `${m.to} ${m.messageId} ${m.subject}`).sort(),
      inbox: await all('inbox', { at: 0 }),
      capSlots: await all('cap_slots'),
      digestItems: [...(await all('digest_items')), ...(await all('digests'))],
      deferred: await all('deferred'),
      matchStates: await all('match_states'),
      webhookClaims: await all('webhook_claims', { at: 0 }),
      outcomes,
    };
  };

  beforeAll(async () => {
    clock.now = noon;
    const env = { DAILY_CAP: '2', DEFERRED_POLL_MS: '600000', WEBHOOK_POLL_MS: '600000', DIGEST_POLL_MS: '600000' };
    [oneByOne, batched] = await Promise.all([startService({ ...env, NOTIFICATION_BATCH_SIZE: '0' }), startService({ ...env, NOTIFICATION_BATCH_SIZE: '500' })]);
  });
  afterAll(async () => {
    await Promise.all(readers.map((r) => r.stop()));
    await oneByOne?.close();
    await batched?.close();
    clock.now = noon;
  });

  it('sends, suppresses, defers and folds exactly the same, event for event', async () => {
    const [oneReader, batchReader] = [await prepare(oneByOne), await prepare(batched)];
    for (const [events, at] of [[atNoon, noon], [atNight, night]] as const) {
      clock.now = at;
      const [oneBefore, batchBefore] = [await handledTotal(oneByOne), await handledTotal(batched)];
      // One send, so the batched service gets them in one fetch (one key, one partition).
      await Promise.all([oneByOne.publish(matchesTopic, 'vac_test01', [...events]), batched.publish(matchesTopic, 'vac_test01', [...events])]);
      await waitFor(async () => (await handledTotal(oneByOne)) === oneBefore + events.length && (await handledTotal(batched)) === batchBefore + events.length, {
        what: 'every event handled by both',
        timeoutMs: 60_000,
      });
    }
    // The batched service did take them as batches (the one-by-one service logs batches of one).
    const batches = logLines.filter((l) => l.includes('"msg":"matches notified"')).map((l) => JSON.parse(l) as { events: number });
    expect(batches.some((b) => b.events === atNoon.length)).toBe(true);
    expect(batches.some((b) => b.events === atNight.length)).toBe(true);

    const [one, batch] = [await seen(oneByOne, oneReader), await seen(batched, batchReader)];
    expect(batch).toEqual(one);

    // And what they agree on is what the rules say.
    const state = (id: string) => (one.deliveries as string[]).map((d) => JSON.parse(d) as { _id: string; state: string }).find((d) => d._id === id)?.state;
    expect(['mt_a1:sms', 'mt_a2:sms', 'mt_a3:sms', 'mt_a4:sms', 'mt_b1:sms', 'mt_b2:sms', 'mt_c1:sms', 'mt_d1:sms', 'mt_e1:sms', 'mt_f1:sms', 'mt_f2:sms'].map(state)).toEqual([
      'sending', 'sending', 'suppressed', 'suppressed', 'suppressed', 'sending', 'suppressed', 'suppressed', 'suppressed', 'deferred', 'deferred',
    ]);
    expect(one.sms.filter((s) => s.startsWith('+84911100001'))).toHaveLength(2);
    expect(one.capSlots).toHaveLength(6);
    expect(one.digestItems).toHaveLength(3);
    expect(one.deferred).toHaveLength(2);
    expect(one.webhookClaims).toHaveLength(13);
    expect(one.outcomes).toEqual({ ok: 13, duplicate: 2 });
  });
});
