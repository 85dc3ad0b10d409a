import { employersTopic, matchesTopic, vacanciesTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedAddress } from '../../src/channels/webhook-target.js';
import { aVacancy, anEmployer } from '../mothers.js';
import { clock, startService, type TestService } from '../helpers.js';
import { startWebhookReceiver } from '../sinks.js';

// What the names resolve to, changed by the tests: DNS under an attacker's control.
const dns = new Map<string, ResolvedAddress[]>();
const resolveHost = async (hostname: string) => {
  const addresses = dns.get(hostname);
  if (!addresses) throw Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' });
  return addresses;
};

describe('webhook targets resolved, checked and pinned at every delivery', () => {
  let service: TestService;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let employer: { authorization: string };
  let port = 0;

  const subscribe = (url: string) =>
    service.app.inject({ method: 'POST', url: '/v1/webhooks', headers: employer, payload: { url, events: ['candidate.proposed'] } });
  const propose = (matchId: string) =>
    service.publish(matchesTopic, 'vac_rebind1', [
      {
        type: 'match.proposed',
        subject: matchId,
        data: { matchId, vacancyId: 'vac_rebind1', workerId: 'wrk_rebind1', score: 0.8, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: new Date().toISOString() },
      },
    ]);
  const deadLetters = async () => (await service.app.inject({ method: 'GET', url: '/v1/webhooks/dead-letters', headers: employer })).json().items;

  beforeAll(async () => {
    clock.now = null;
    receiver = await startWebhookReceiver();
    port = Number(receiver.host.split(':')[1]);
    service = await startService(
      {
        // Only this made-up name is let through without https and the address check (as a developer's own receiver would be).
        WEBHOOK_ALLOWED_HOSTS: `hooks.pinned.test:${port}`,
        WEBHOOK_POLL_MS: '100',
        WEBHOOK_RETRY_INITIAL_MS: '100',
        WEBHOOK_RETRY_MAX_MS: '200',
        WEBHOOK_GIVE_UP_AFTER_MS: '1000',
      },
      { resolveHost },
    );
    employer = await service.bearer('hr-1', ['employer'], 'emp_rebind1');
    await service.publish(employersTopic, 'emp_rebind1', [{ type: 'employer.registered', subject: 'emp_rebind1', data: anEmployer({ employerId: 'emp_rebind1' }) }]);
    await service.publish(vacanciesTopic, 'vac_rebind1', [{ type: 'vacancy.opened', subject: 'vac_rebind1', data: aVacancy({ vacancyId: 'vac_rebind1', employerId: 'emp_rebind1' }) }]);
    await waitFor(async () => (await service.app.mongo.db!.collection('vacancies').countDocuments()) === 1, { what: 'the vacancy projected' });
  });
  afterAll(async () => {
    await service?.close();
    await receiver?.close();
  });

  it('connects to the address its resolver gave, keeping the name in the Host header', async () => {
    dns.set('hooks.pinned.test', [{ address: '127.0.0.1', family: 4 }]);
    expect((await subscribe(`http://hooks.pinned.test:${port}/pinned`)).statusCode).toBe(201);
    await propose('mt_rebind_01');
    const hit = await waitFor(() => receiver.hits.find((h) => h.path === '/pinned'), { what: 'the webhook at the pinned address' });
    expect(hit.host).toBe(`hooks.pinned.test:${port}`);
  });

  it('refuses a delivery once the subscribed name resolves to a loopback address', async () => {
    dns.set('hooks.rebind.test', [{ address: '203.0.113.7', family: 4 }]);
    const created = await subscribe(`https://hooks.rebind.test:${port}/rebound`);
    expect(created.statusCode).toBe(201);
    // After the check at subscription, the name is pointed inside.
    dns.set('hooks.rebind.test', [{ address: '127.0.0.1', family: 4 }]);
    await propose('mt_rebind_02');
    const parked = await waitFor(async () => (await deadLetters()).find((d: { subscriptionId: string }) => d.subscriptionId === created.json().subscriptionId), {
      what: 'the delivery parked',
      timeoutMs: 15_000,
    });
    expect(parked.lastError).toBe('the host resolves to a private, loopback or link-local address');
    expect(receiver.hits.filter((h) => h.path === '/rebound')).toEqual([]);
  });
});
