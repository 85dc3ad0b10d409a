import { employersTopic, matchesTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import type { ServiceApp } from '@ketnoi/service-kit';
import { waitFor } from '@ketnoi/testing';
import type { Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDeferred } from '../../src/use-cases/send-deferred.js';
import { aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, startService, type TestService } from '../helpers.js';
import { startWebhookReceiver } from '../sinks.js';

const WORKERS = 8;
const phoneOf = (n: number) => `+8493000000${n}`;

const proposed = (matchId: string, workerId: string) => ({
  type: 'match.proposed' as const,
  subject: matchId,
  data: { matchId, vacancyId: 'vac_test01', workerId, score: 0.7, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: (clock.now ?? new Date()).toISOString() },
});

describe('two instances sharing the pollers\' due items through leases', () => {
  let service: TestService;
  let second: ServiceApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    clock.now = new Date('2026-11-26T22:30:00+07:00');
    receiver = await startWebhookReceiver();
    service = await startService({
      // The deferred poller is driven by hand below, so that both instances run their rounds at the same moment.
      DEFERRED_POLL_MS: '3600000',
      WEBHOOK_ALLOWED_HOSTS: receiver.host,
      WEBHOOK_POLL_MS: '30',
      WEBHOOK_RETRY_INITIAL_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '200',
      WEBHOOK_GIVE_UP_AFTER_MS: '1200',
      LEASE_TTL_MS: '60000',
    });
    second = await service.another('second');
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    for (let n = 1; n <= WORKERS; n += 1) {
      const workerId = `wrk_pair0${n}`;
      await service.publish(workerContactsTopic, workerId, [
        { type: 'worker-contact.updated', subject: workerId, data: aWorkerContact({ workerId, phone: phoneOf(n), email: undefined, channels: { sms: true, email: false, inApp: false } }) },
      ]);
    }
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === WORKERS && (await db.collection('vacancies').countDocuments()) === 1, {
      what: 'contacts and vacancy projected',
    });
  });
  afterAll(async () => {
    await second?.close();
    await service?.close();
    await receiver?.close();
  });

  it('sends each deferred SMS once when both instances run their rounds at the same time, and takes over an expired lease', async () => {
    const matches = Array.from({ length: WORKERS }, (_, i) => proposed(`mt_pair_0${i + 1}`, `wrk_pair0${i + 1}`));
    await service.publish(matchesTopic, 'vac_test01', matches);
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('deferred').countDocuments()) === WORKERS, { what: 'every SMS deferred' });
    const until = (await db.collection('deferred').findOne({ _id: 'mt_pair_01:sms' as never }))!.until as Date;
    // An instance that crashed while holding one item, and one that holds another right now.
    await db.collection('leases').insertMany([
      { _id: `deferred:mt_pair_01:sms:${until.getTime()}#0`, item: `deferred:mt_pair_01:sms:${until.getTime()}`, holder: 'crashed', expiresAt: new Date('2026-11-27T00:01:00Z') },
      { _id: `deferred:mt_pair_02:sms:${until.getTime()}#0`, item: `deferred:mt_pair_02:sms:${until.getTime()}`, holder: 'busy', expiresAt: new Date('2026-11-27T01:00:00Z') },
    ] as never[]);

    clock.now = new Date('2026-11-27T07:05:00+07:00');
    const log = (app: ServiceApp) => app.log as Logger;
    await Promise.all([sendDeferred(service.app.notification, log(service.app)), sendDeferred(second.notification, log(second))]);
    await Promise.all([sendDeferred(service.app.notification, log(service.app)), sendDeferred(second.notification, log(second))]);

    for (let n = 1; n <= WORKERS; n += 1) {
      expect(service.sms.received.filter((r) => r.body.to === phoneOf(n)), phoneOf(n)).toHaveLength(n === 2 ? 0 : 1);
    }
    const leases = await db.collection('leases').find({ item: /^deferred:/ }).toArray();
    const mine = leases.filter((lease) => lease.holder !== 'crashed' && lease.holder !== 'busy');
    expect(mine.map((lease) => lease._id as unknown as string).sort()).toContain(`deferred:mt_pair_01:sms:${until.getTime()}#1`);
    expect(mine).toHaveLength(WORKERS - 1);
    expect(await db.collection('deferred').countDocuments()).toBe(1);

    // The busy holder's lease runs out: the item is taken over and sent, once.
    clock.now = new Date('2026-11-27T08:01:00+07:00');
    await Promise.all([sendDeferred(service.app.notification, log(service.app)), sendDeferred(second.notification, log(second))]);
    expect(service.sms.received.filter((r) => r.body.to === phoneOf(2))).toHaveLength(1);
    expect(await db.collection('deferred').countDocuments()).toBe(0);
  });

  it('tries a failing webhook once per attempt between the two instances, then parks it', async () => {
    clock.now = null;
    const employer = await service.bearer('hr-1', ['employer'], 'emp_test01');
    const created = await service.app.inject({ method: 'POST', url: '/v1/webhooks', headers: employer, payload: { url: receiver.url('/failing'), events: ['candidate.proposed'] } });
    expect(created.statusCode).toBe(201);
    await service.publish(matchesTopic, 'vac_test01', [proposed('mt_pair_hook', 'wrk_pair01')]);
    const parked = await waitFor(
      async () => {
        const response = await service.app.inject({ method: 'GET', url: '/v1/webhooks/dead-letters', headers: employer });
        return response.json().items.length === 1 && response.json().items[0];
      },
      { what: 'the parked delivery', timeoutMs: 15_000 },
    );
    const tries = receiver.hits.filter((h) => h.path === '/failing');
    expect(tries.length).toBeGreaterThanOrEqual(3);
    // Two pollers every 30 ms on one queue: without leases some attempts would go out twice.
    expect(parked.attempts).toBe(tries.length);
    const holders = await service.app.mongo.db!.collection('leases').distinct('holder', { item: /^webhook:/ });
    expect(holders.length).toBeGreaterThanOrEqual(1);
  });
});
