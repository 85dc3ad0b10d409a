import { createHmac, timingSafeEqual } from 'node:crypto';
import { employersTopic, matchesTopic, notificationsTopic, vacanciesTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancy, anEmployer } from '../mothers.js';
import { clock, startService, type TestService } from '../helpers.js';
import { startWebhookReceiver, type WebhookHit } from '../sinks.js';

/** What an employer's receiver does, written here from the documented scheme, not with our code. */
const verified = (hit: WebhookHit, secret: string): boolean => {
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${hit.timestamp}.${hit.body}`).digest('hex')}`);
  const given = Buffer.from(hit.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) && Math.abs(Date.now() / 1000 - hit.timestamp) < 300;
};

describe('employer webhooks, signed, retried and parked, to a real local receiver', () => {
  let service: TestService;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let employer: { authorization: string };

  const subscribe = (url: string, events: string[], as = employer) =>
    service.app.inject({ method: 'POST', url: '/v1/webhooks', headers: as, payload: { url, events } });

  beforeAll(async () => {
    clock.now = null;
    receiver = await startWebhookReceiver();
    service = await startService({
      WEBHOOK_ALLOWED_HOSTS: receiver.host,
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_RETRY_INITIAL_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_GIVE_UP_AFTER_MS: '1500',
    });
    employer = await service.bearer('hr-1', ['employer'], 'emp_test01');
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    await waitFor(async () => (await service.app.mongo.db!.collection('vacancies').countDocuments()) === 1, { what: 'the vacancy projected' });
  });
  afterAll(async () => {
    await service?.close();
    await receiver?.close();
  });

  it('refuses targets that are not https or resolve to private, loopback or link-local addresses', async () => {
    for (const url of ['https://10.1.2.3/hook', 'https://169.254.169.254/latest', 'https://localhost/hook', 'https://[::1]/hook', 'http://example.com/hook']) {
      const response = await subscribe(url, ['candidate.proposed']);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().code).toBe('WEBHOOK_TARGET_REFUSED');
    }
    const staff = await service.bearer('staff-1', ['staff']);
    expect((await subscribe(receiver.url('/hook'), ['candidate.proposed'], staff)).statusCode).toBe(403);
  });

  it('delivers new candidates and expiries, signed with the subscription\'s secret, once', async () => {
    const created = await subscribe(receiver.url('/hook'), ['candidate.proposed', 'vacancy.expired']);
    expect(created.statusCode).toBe(201);
    const { secret, subscriptionId } = created.json();
    const notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));

    const at = new Date().toISOString();
    const match = { matchId: 'mt_hook_01', vacancyId: 'vac_test01', workerId: 'wrk_hook01', score: 0.9, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at };
    await service.publish(matchesTopic, 'vac_test01', [
      { type: 'match.proposed', subject: 'mt_hook_01', data: match },
      { type: 'match.proposed', subject: 'mt_hook_01', data: match },
    ]);
    await service.publish(vacanciesTopic, 'vac_test01', [
      { type: 'vacancy.expired', subject: 'vac_test01', data: { ...aVacancy({ version: 2, status: 'expired' }), closeReason: 'expired' } },
    ]);
    const hits = await waitFor(() => receiver.hits.filter((h) => h.path === '/hook').length === 2 && receiver.hits.filter((h) => h.path === '/hook'), {
      what: 'two webhooks',
    });
    expect(hits.every((hit) => verified(hit, secret))).toBe(true);
    expect(hits.some((hit) => verified(hit, 'another-secret'))).toBe(false);
    const bodies = hits.map((hit) => JSON.parse(hit.body));
    expect(bodies.map((b) => b.type).sort()).toEqual(['candidate.proposed', 'vacancy.expired']);
    expect(bodies.find((b) => b.type === 'candidate.proposed').data).toEqual({ vacancyId: 'vac_test01', matchId: 'mt_hook_01', candidateId: 'wrk_hook01', score: 0.9, rank: 1 });

    const sent = await waitFor(
      () => {
        const mine = notifications.messages.map((m) => JSON.parse(m.value!)).filter((e) => e.data.channel === 'webhook' && e.type === 'notification.sent');
        return mine.length === 2 && mine;
      },
      { what: 'two webhook sent events' },
    );
    await notifications.stop();
    expect(sent[0].data).toMatchObject({ recipientKind: 'employer', recipientId: 'emp_test01' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.hits.filter((h) => h.path === '/hook')).toHaveLength(2);

    const other = await service.bearer('hr-2', ['employer'], 'emp_other1');
    expect((await service.app.inject({ method: 'GET', url: '/v1/webhooks', headers: other })).json()).toEqual({ items: [] });
    expect((await service.app.inject({ method: 'DELETE', url: `/v1/webhooks/${subscriptionId}`, headers: other })).statusCode).toBe(404);
    expect((await service.app.inject({ method: 'GET', url: '/v1/webhooks', headers: employer })).json().items).toHaveLength(1);
    expect((await service.app.inject({ method: 'DELETE', url: `/v1/webhooks/${subscriptionId}`, headers: employer })).statusCode).toBe(204);
  });

  it('retries a failing receiver with backoff, then parks the delivery where the employer can see it', async () => {
    const created = await subscribe(receiver.url('/failing'), ['candidate.proposed']);
    expect(created.statusCode).toBe(201);
    const at = new Date().toISOString();
    await service.publish(matchesTopic, 'vac_test01', [
      {
        type: 'match.proposed',
        subject: 'mt_hook_02',
        data: { matchId: 'mt_hook_02', vacancyId: 'vac_test01', workerId: 'wrk_hook02', score: 0.7, rank: 3, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at },
      },
    ]);
    const parked = await waitFor(
      async () => {
        const response = await service.app.inject({ method: 'GET', url: '/v1/webhooks/dead-letters', headers: employer });
        return response.json().items.length === 1 && response.json().items[0];
      },
      { what: 'the parked delivery', timeoutMs: 15_000 },
    );
    const tries = receiver.hits.filter((h) => h.path === '/failing');
    expect(tries.length).toBeGreaterThanOrEqual(3);
    expect(parked).toMatchObject({ type: 'candidate.proposed', attempts: tries.length, lastError: 'receiver answered 500' });
    const gaps = tries.slice(1).map((hit, i) => hit.timestamp - tries[i]!.timestamp);
    expect(gaps.every((gap) => gap >= 0)).toBe(true);
    expect(await service.app.mongo.db!.collection('webhook_queue').countDocuments()).toBe(0);
  });
});
