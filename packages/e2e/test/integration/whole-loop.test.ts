import { ingestWorkersTopic } from '@ketnoi/contracts';
import { createClient, employerToken, registerEmployer, waitUntilReady } from '@ketnoi/launcher';
import { buildEvent } from '@ketnoi/messaging';
import { testKafka, waitFor } from '@ketnoi/testing';
import { simpleParser } from 'mailparser';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, aWorkerProfile, anEmployer } from '../mothers.js';
import { api, startE2eSystem, startWebhookReceiver, watchTopic, type E2eSystem, type TopicEvent } from '../system.js';

type Watch = Awaited<ReturnType<typeof watchTopic>>;
const WAIT = { timeoutMs: 30_000, intervalMs: 200 };

/** The first event on a watched topic that fits, within a bounded wait. */
const eventOn = (watch: Watch, what: string, fits: (event: TopicEvent) => boolean) => waitFor(() => watch.events().find(fits), { ...WAIT, what });

describe('the whole loop, six services as processes on the real Kafka and FerretDB', () => {
  let system: E2eSystem;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const topics: Record<string, Watch> = {};
  const email = `thuha.e2e.${Date.now().toString(36)}@example.vn`;
  const state = {} as {
    employerId: string;
    employerToken: string;
    webhookSecret: string;
    vacancyId: string;
    workerId: string;
    matchId: string;
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    system = await startE2eSystem([receiver.host]);
    for (const name of ['workers.v1', 'worker-contacts.v1', 'vacancies.v1', 'placements.v1', 'matches.v1', 'notifications.v1']) {
      topics[name] = await watchTopic(system, name);
    }
  }, 150_000);

  afterAll(async () => {
    await Promise.all(Object.values(topics).map((t) => t.stop()));
    await system?.dispose();
    await receiver?.close();
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && system) context.task.result.errors?.push(new Error(`service logs:\n${await system.logTails()}`) as never);
  });

  it('an employer is registered by staff, gets API credentials, subscribes to webhooks and posts a vacancy over HTTP', async () => {
    const intake = system.urls['vacancy-intake'];
    state.employerId = await registerEmployer(intake, system.tokens.staff, anEmployer);
    const client = await createClient(intake, system.tokens.staff, state.employerId, 'HR system');
    const session = await employerToken(intake, client.clientId, client.clientSecret);
    expect(session).not.toBeNull();
    state.employerToken = session!.token;

    // The employer's token of vacancy-intake is accepted by notification (its JWKS).
    const subscription = await api(`${system.urls.notification}/v1/webhooks`, {
      method: 'POST',
      token: state.employerToken,
      body: { url: receiver.url, events: ['candidate.proposed'] },
    });
    expect(subscription.status, subscription.text).toBe(201);
    state.webhookSecret = String(subscription.body.secret);

    const posted = await api(`${intake}/v1/vacancies`, { method: 'POST', token: state.employerToken, body: aVacancy(), headers: { 'idempotency-key': 'e2e-vacancy-1' } });
    expect(posted.status, posted.text).toBe(201);
    state.vacancyId = String(posted.body.vacancyId);
    const opened = await eventOn(topics['vacancies.v1']!, 'vacancy.opened', (e) => e.type === 'vacancy.opened' && e.subject === state.vacancyId);
    expect(opened.data).toMatchObject({ employerId: state.employerId });
  });

  it('a worker published on ingest.workers.v1 is registered, pseudonymously on workers.v1', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    const event = buildEvent(ingestWorkersTopic, { type: 'worker.registered', subject: 'desk-e2e-1', data: { externalRef: 'desk-e2e-1', profile: aWorkerProfile(email) } }, '/desk/thai-nguyen-centre');
    await producer.send({ topic: system.topic(ingestWorkersTopic.name), messages: [{ key: 'desk-e2e-1', value: JSON.stringify(event) }] });
    await producer.disconnect();

    const registered = await eventOn(topics['workers.v1']!, 'worker.registered', (e) => e.type === 'worker.registered');
    state.workerId = registered.subject;
    const published = JSON.stringify(registered);
    expect(published).not.toContain('019198123456');
    expect(published).not.toContain(email);
    await eventOn(topics['worker-contacts.v1']!, 'worker-contact.updated', (e) => e.type === 'worker-contact.updated' && e.subject === state.workerId);

    const profile = await api(`${system.urls.registration}/v1/workers/${state.workerId}`, { token: system.tokens.staff });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ workerId: state.workerId, profile: { fullName: 'Hoàng Thị Thu Hà', email } });
  });

  it('matching proposes the match on matches.v1', async () => {
    state.matchId = `${state.vacancyId}:${state.workerId}`;
    const proposed = await eventOn(topics['matches.v1']!, 'match.proposed', (e) => e.type === 'match.proposed' && e.data.matchId === state.matchId);
    expect(proposed.data).toMatchObject({ vacancyId: state.vacancyId, workerId: state.workerId, rank: 1 });
    expect(Number(proposed.data.score)).toBeGreaterThan(0.4);
    const list = await api(`${system.urls.matching}/v1/vacancies/${state.vacancyId}/matches`, { token: system.tokens.staff });
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ matchId: state.matchId, workerId: state.workerId })]);
  });

  it('the worker gets an email in the SMTP sink, an SMS and an inbox item', async () => {
    const mail = await waitFor(() => system.sinks.smtp!.received.find((m) => m.to.includes(email)), { ...WAIT, what: 'the email in the SMTP sink' });
    const parsed = await simpleParser(mail.raw);
    expect(`${parsed.subject} ${parsed.text}`).toContain('Công nhân lắp ráp linh kiện điện tử');
    await waitFor(() => system.sinks.sms!.received.find((s) => JSON.stringify(s.body).includes('+84912345678')), { ...WAIT, what: 'the SMS at the gateway sink' });

    const inbox = await waitFor(
      async () => {
        const answer = await api(`${system.urls.notification}/v1/workers/${state.workerId}/inbox`, { token: system.tokens.staff });
        const items = (answer.body.items ?? []) as { matchId?: string }[];
        return items.some((i) => i.matchId === state.matchId) && answer.body;
      },
      { ...WAIT, what: 'the inbox item' },
    );
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    await eventOn(topics['notifications.v1']!, 'notification.sent (email)', (e) => e.type === 'notification.sent' && JSON.stringify(e.data).includes('email'));
  });

  it("the employer's webhook receives the candidate, signed", async () => {
    const hit = await waitFor(() => receiver.hits.find((h) => h.body.includes('candidate.proposed')), { ...WAIT, what: 'the candidate.proposed webhook' });
    const body = JSON.parse(hit.body) as { type: string; data: Record<string, unknown> };
    expect(body.data).toMatchObject({ vacancyId: state.vacancyId, matchId: state.matchId, candidateId: state.workerId, rank: 1 });
    const expected = Buffer.from(`v1=${createHmac('sha256', state.webhookSecret).update(`${hit.timestamp}.${hit.body}`).digest('hex')}`);
    expect(timingSafeEqual(expected, Buffer.from(hit.signature))).toBe(true);
    expect(hit.body).not.toContain(email);
  });

  it('the employer records a hire: placement recorded, the match withdrawn, the vacancy closed as filled', async () => {
    const hire = await api(`${system.urls['vacancy-intake']}/v1/vacancies/${state.vacancyId}/hires`, {
      method: 'POST',
      token: state.employerToken,
      body: { workerId: state.workerId, matchId: state.matchId },
    });
    expect(hire.status, hire.text).toBe(201);
    const placement = await eventOn(topics['placements.v1']!, 'placement.recorded', (e) => e.type === 'placement.recorded' && e.subject === state.vacancyId);
    expect(placement.data).toMatchObject({ vacancyId: state.vacancyId, workerId: state.workerId });
    const closed = await eventOn(topics['vacancies.v1']!, 'vacancy.closed', (e) => e.type === 'vacancy.closed' && e.subject === state.vacancyId);
    expect(closed.data).toMatchObject({ closeReason: 'filled' });
    await eventOn(topics['matches.v1']!, 'match.withdrawn', (e) => e.type === 'match.withdrawn' && e.data.matchId === state.matchId);
    const vacancy = await api(`${system.urls['vacancy-intake']}/v1/vacancies/${state.vacancyId}`, { token: state.employerToken });
    expect(vacancy.body).toMatchObject({ status: 'filled', positionsFilled: 1 });
    // The hire names the worker: an outcome for them on this vacancy is refused as already hired.
    const outcome = await api(`${system.urls['vacancy-intake']}/v1/vacancies/${state.vacancyId}/outcomes`, {
      method: 'POST',
      token: state.employerToken,
      body: { workerId: state.workerId, outcome: 'interviewed' },
    });
    expect(outcome.body, outcome.text).toMatchObject({ status: 409, code: 'ALREADY_HIRED' });
  });

  it('analytics counts the placement', async () => {
    type Cell = { placements?: number; jobSeekers?: number; openPositions?: number };
    const totals = async () => {
      const answer = await api(`${system.urls.analytics}/v1/supply-demand?level=province`, { token: system.tokens.analyst });
      const items = (answer.body.items ?? []) as Cell[];
      const sum = (field: keyof Cell) => items.reduce((total, item) => total + (item[field] ?? 0), 0);
      return { placements: sum('placements'), jobSeekers: sum('jobSeekers'), open: sum('openPositions') };
    };
    const counted = await waitFor(async () => { const t = await totals(); return t.placements === 1 && t.open === 0 && t; }, { ...WAIT, what: 'one placement and no open position in analytics' });
    expect(counted).toMatchObject({ placements: 1, open: 0 });
  });

  it('erasure of the worker reaches registration, matching, notification and analytics', async () => {
    const erased = await api(`${system.urls.registration}/v1/workers/${state.workerId}`, { method: 'DELETE', token: system.tokens.admin });
    expect(erased.status, erased.text).toBe(204);
    await eventOn(topics['workers.v1']!, 'worker.erased', (e) => e.type === 'worker.erased' && e.subject === state.workerId);
    await eventOn(topics['worker-contacts.v1']!, 'worker-contact.erased', (e) => e.type === 'worker-contact.erased' && e.subject === state.workerId);

    expect((await api(`${system.urls.registration}/v1/workers/${state.workerId}`, { token: system.tokens.staff })).status).toBe(410);
    await waitFor(async () => (await api(`${system.urls.matching}/v1/workers/${state.workerId}/matches`, { token: system.tokens.staff })).status === 404, { ...WAIT, what: 'matching to forget the worker' });
    await waitFor(
      async () => {
        const answer = await api(`${system.urls.notification}/v1/workers/${state.workerId}/inbox`, { token: system.tokens.staff });
        return (answer.status === 200 && (answer.body.items as unknown[]).length === 0) || answer.status === 404 || answer.status === 410;
      },
      { ...WAIT, what: 'notification to forget the inbox' },
    );
    await waitFor(
      async () => {
        const answer = await api(`${system.urls.analytics}/v1/supply-demand?level=province`, { token: system.tokens.analyst });
        const items = (answer.body.items ?? []) as { jobSeekers?: number }[];
        return answer.status === 200 && items.every((i) => (i.jobSeekers ?? 0) === 0);
      },
      { ...WAIT, what: 'analytics to stop counting the erased worker as a job seeker' },
    );
  });

  it('erasure reaches vacancy-intake: the hire no longer names the worker and still counts', async () => {
    const intake = system.urls['vacancy-intake'];
    // Refused as erased, no longer as already hired: the vacancy's hires do not name the worker any more.
    const outcome = await waitFor(
      async () => {
        const answer = await api(`${intake}/v1/vacancies/${state.vacancyId}/outcomes`, {
          method: 'POST',
          token: state.employerToken,
          body: { workerId: state.workerId, outcome: 'interviewed' },
        });
        return answer.body.code === 'WORKER_ERASED' && answer;
      },
      { ...WAIT, what: 'vacancy-intake to forget the hired worker' },
    );
    expect(outcome.status).toBe(422);
    const vacancy = await api(`${intake}/v1/vacancies/${state.vacancyId}`, { token: state.employerToken });
    expect(vacancy.body).toMatchObject({ status: 'filled', positionsFilled: 1 });
    const hire = await api(`${intake}/v1/vacancies/${state.vacancyId}/hires`, { method: 'POST', token: state.employerToken, body: { workerId: state.workerId } });
    expect(hire.body).toMatchObject({ status: 422, code: 'WORKER_ERASED' });
  });

  it('a service that exits unasked is restarted by the launcher and serves again', async () => {
    // SIGTERM from outside: the service leaves its consumer groups cleanly. (After a SIGKILL the new
    // process cannot join its groups until Kafka drops the dead member, 30 s later; until then its
    // onReady hook times out and the launcher restarts it again: see the launcher's supervisor test.)
    const notification = system.processes.notification;
    const before = notification.pid;
    notification.kill('SIGTERM');
    await waitFor(() => notification.restarts === 1 && notification.pid !== undefined && notification.pid !== before, { ...WAIT, what: 'the restart' });
    await waitUntilReady(system.urls.notification, { timeoutMs: 60_000 });
    const inbox = await api(`${system.urls.notification}/v1/workers/${state.workerId}/inbox`, { token: system.tokens.staff });
    expect(inbox.status).toBeLessThan(500);
  }, 90_000);
});
