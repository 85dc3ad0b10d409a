import { employersTopic, notificationsTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import type { ServiceApp } from '@ketnoi/service-kit';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyOnMatchProposed } from '../../src/consumers/notify-on-match-proposed.js';
import { aMatchProposed, aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, startService, type TestService } from '../helpers.js';

/** What the fault hook throws: the process "dies" right after the send, before the outcome is recorded. */
class SimulatedCrash extends Error {}

// Notification ids (`<matchId>:<channel>`) whose next send is followed by a crash.
const crashAfter = new Set<string>();
const faults = {
  afterSend: (notificationId: string) => {
    if (crashAfter.delete(notificationId)) throw new SimulatedCrash(notificationId);
  },
};

const proposed = aMatchProposed;

describe('a crash between a send and its record (fault hook), then a restart', () => {
  let service: TestService;
  let notifications: Awaited<ReturnType<typeof readTopic>>;
  const sentOf = (prefix: string) =>
    notifications.messages
      .map((m) => JSON.parse(m.value!) as { id: string; type: string; data: { notificationId: string; channel: string } })
      .filter((e) => e.type === 'notification.sent' && e.data.notificationId.startsWith(prefix));
  // The consumer's handler, as Kafka redelivers the event after a restart (the offset was never committed): a batch of one.
  const handleBatch = async (app: ServiceApp, matches: [matchId: string, workerId: string][]) => {
    const items = matches.map(([matchId, workerId], offset) => ({ event: proposed(matchId, workerId), offset: String(offset), headers: {} }));
    return (await notifyOnMatchProposed(() => app.notification)(items as never, { log: app.log, heartbeat: async () => {} } as never)) ?? [];
  };
  const handle = async (app: ServiceApp, matchId: string, workerId: string) => (await handleBatch(app, [[matchId, workerId]]))[0];
  const handleEvents = async (app: ServiceApp, events: object[]) => {
    const items = events.map((event, offset) => ({ event, offset: String(offset), headers: {} }));
    return (await notifyOnMatchProposed(() => app.notification)(items as never, { log: app.log, heartbeat: async () => {} } as never)) ?? [];
  };

  beforeAll(async () => {
    clock.now = null;
    // Windows of one SMS and one email at once: a match's SMS and email go together, the next match's after them.
    service = await startService({ QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '00:00', NOTIFICATION_SEND_CONCURRENCY: '1' }, { faults });
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    for (const [workerId, email, phone] of [
      ['wrk_crash1', 'one@example.vn', '+84911000001'],
      ['wrk_crash2', 'two@example.vn', '+84911000002'],
      ['wrk_crash3', 'three@example.vn', '+84911000003'],
      ['wrk_crash4', 'four@example.vn', '+84911000004'],
      ['wrk_crash5', 'five@example.vn', '+84911000005'],
      ['wrk_crash6', 'six@example.vn', '+84911000006'],
    ] as const) {
      await service.publish(workerContactsTopic, workerId, [{ type: 'worker-contact.updated', subject: workerId, data: aWorkerContact({ workerId, email, phone }) }]);
    }
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === 6 && (await db.collection('vacancies').countDocuments()) === 1, {
      what: 'contacts and vacancy projected',
    });
    notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));
  });
  afterAll(async () => {
    await notifications?.stop();
    await service?.close();
  });

  it('publishes notification.sent exactly once per channel; the email again under the same Message-ID, the SMS not again', async () => {
    crashAfter.add('mt_crash_01:email');
    crashAfter.add('mt_crash_02:sms');
    await expect(handle(service.app, 'mt_crash_01', 'wrk_crash1')).rejects.toBeInstanceOf(SimulatedCrash);
    await expect(handle(service.app, 'mt_crash_02', 'wrk_crash2')).rejects.toBeInstanceOf(SimulatedCrash);
    expect(crashAfter.size).toBe(0);
    const emailsBefore = service.smtp.received.filter((m) => m.to === 'one@example.vn');
    expect(emailsBefore).toHaveLength(1);
    expect(service.sms.received.filter((r) => r.body.to === '+84911000002')).toHaveLength(1);

    // The restart: the first instance is gone, a new one (same database, same sinks) gets both events again.
    await service.app.close();
    const restarted = await service.another('restarted');
    try {
      await handle(restarted, 'mt_crash_01', 'wrk_crash1');
      await handle(restarted, 'mt_crash_02', 'wrk_crash2');
      // And once more (a further redelivery): nothing new.
      expect(await handle(restarted, 'mt_crash_01', 'wrk_crash1')).toBe('duplicate');
      expect(await handle(restarted, 'mt_crash_02', 'wrk_crash2')).toBe('duplicate');
      restarted.notification.published();

      const sent = await waitFor(() => sentOf('mt_crash_0').length >= 6 && sentOf('mt_crash_0'), { what: 'six sent events', timeoutMs: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const perNotification = new Map<string, Set<string>>();
      for (const event of sentOf('mt_crash_0')) perNotification.set(event.data.notificationId, (perNotification.get(event.data.notificationId) ?? new Set()).add(event.id));
      expect([...perNotification.keys()].sort()).toEqual(['mt_crash_01:email', 'mt_crash_01:in-app', 'mt_crash_01:sms', 'mt_crash_02:email', 'mt_crash_02:in-app', 'mt_crash_02:sms']);
      expect([...perNotification.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(sent.length).toBeGreaterThanOrEqual(6);

      // Email: sent again after the crash, with the Message-ID of the first try: the receiving side keeps one.
      const emails = service.smtp.received.filter((m) => m.to === 'one@example.vn');
      expect(emails.length).toBeLessThanOrEqual(2);
      expect(new Set(emails.map((m) => m.messageId)).size).toBe(1);
      expect(emails[0]!.messageId).toMatch(/^<[0-9a-f]{40}@ketnoi\.local>$/);
      // SMS: a gateway cannot tell a repeat, so it is recorded (uncertain) and not sent again.
      expect(service.sms.received.filter((r) => r.body.to === '+84911000002')).toHaveLength(1);
      const smsOutcome = await restarted.mongo.db!.collection('deliveries').findOne({ _id: 'mt_crash_02:sms:2' as never });
      expect(smsOutcome).toMatchObject({ state: 'sent', uncertain: true });
      expect(await restarted.mongo.db!.collection('inbox').countDocuments({ workerId: { $in: ['wrk_crash1', 'wrk_crash2'] } })).toBe(2);
    } finally {
      await restarted.close();
    }
  });

  it('loses nothing and sends nothing twice when a crash cuts a batch short: what was claimed and not sent yet goes once', async () => {
    const first = await service.another('batch-first');
    crashAfter.add('mt_crash_03:email');
    try {
      await expect(handleBatch(first, [['mt_crash_03', 'wrk_crash3'], ['mt_crash_04', 'wrk_crash4']])).rejects.toBeInstanceOf(SimulatedCrash);
    } finally {
      await first.close();
    }
    // mt_crash_04's in-app item went with the batch's one insert; its SMS and email had not been tried.
    expect(service.sms.received.filter((r) => r.body.to === '+84911000004')).toHaveLength(0);
    expect(service.smtp.received.filter((m) => m.to === 'four@example.vn')).toHaveLength(0);

    const second = await service.another('batch-second');
    try {
      expect(await handleBatch(second, [['mt_crash_03', 'wrk_crash3'], ['mt_crash_04', 'wrk_crash4']])).toEqual(['ok', 'ok']);
      expect(await handleBatch(second, [['mt_crash_03', 'wrk_crash3'], ['mt_crash_04', 'wrk_crash4']])).toEqual(['duplicate', 'duplicate']);
      second.notification.published();
      const ids = ['mt_crash_03', 'mt_crash_04'].flatMap((m) => ['email', 'in-app', 'sms'].map((c) => `${m}:${c}`));
      await waitFor(() => ids.every((id) => sentOf(id).length > 0), { what: 'six sent events', timeoutMs: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const id of ids) expect(new Set(sentOf(id).map((e) => e.id)).size).toBe(1);
      // The SMS of the match cut short went once and is recorded uncertain; the other match's SMS and email went once, after the restart.
      expect(service.sms.received.filter((r) => r.body.to === '+84911000003')).toHaveLength(1);
      expect(service.sms.received.filter((r) => r.body.to === '+84911000004')).toHaveLength(1);
      expect(service.smtp.received.filter((m) => m.to === 'four@example.vn')).toHaveLength(1);
      const emails = service.smtp.received.filter((m) => m.to === 'three@example.vn');
      expect(emails.length).toBeLessThanOrEqual(2);
      expect(new Set(emails.map((m) => m.messageId)).size).toBe(1);
      const db = second.mongo.db!;
      expect(await db.collection('deliveries').findOne({ _id: 'mt_crash_03:sms:2' as never })).toMatchObject({ state: 'sent', uncertain: true });
      expect(await db.collection('deliveries').findOne({ _id: 'mt_crash_04:sms:2' as never })).toMatchObject({ state: 'sent' });
      expect(await db.collection('inbox').countDocuments({ workerId: { $in: ['wrk_crash3', 'wrk_crash4'] } })).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('settles a send cut short whose match the same batch withdrew without wording it again: recorded uncertain, nothing sent twice or late', async () => {
    // The batch [proposal, withdrawal] writes the withdrawal before its sends: the redelivery judges the proposal withdrawn.
    const at = new Date();
    const pair = (matchId: string, workerId: string) => [
      { ...proposed(matchId, workerId), data: { ...proposed(matchId, workerId).data, at: at.toISOString() } },
      { id: `evt-withdrawn-${matchId}`, type: 'match.withdrawn', data: { matchId, vacancyId: 'vac_test01', workerId, reason: 'outranked', at: new Date(at.getTime() + 1_000).toISOString() } },
    ];
    const first = await service.another('withdrawn-first');
    try {
      // mt_crash_05: every channel went out, none recorded; mt_crash_06: only the in-app item went.
      crashAfter.add('mt_crash_05:email');
      await expect(handleEvents(first, pair('mt_crash_05', 'wrk_crash5'))).rejects.toBeInstanceOf(SimulatedCrash);
      crashAfter.add('mt_crash_06:in-app');
      await expect(handleEvents(first, pair('mt_crash_06', 'wrk_crash6'))).rejects.toBeInstanceOf(SimulatedCrash);
    } finally {
      await first.close();
    }
    expect(service.smtp.received.filter((m) => m.to === 'five@example.vn')).toHaveLength(1);
    expect(service.sms.received.filter((r) => r.body.to === '+84911000005')).toHaveLength(1);

    const second = await service.another('withdrawn-second');
    try {
      expect(await handleEvents(second, pair('mt_crash_05', 'wrk_crash5'))).toEqual(['ok', 'ok']);
      expect(await handleEvents(second, pair('mt_crash_06', 'wrk_crash6'))).toEqual(['ok', 'ok']);
      expect(await handleEvents(second, pair('mt_crash_05', 'wrk_crash5'))).toEqual(['duplicate', 'ok']);
      second.notification.published();
      const ids = ['mt_crash_05:in-app', 'mt_crash_05:sms', 'mt_crash_05:email', 'mt_crash_06:in-app', 'mt_crash_06:email'];
      await waitFor(() => ids.every((id) => sentOf(id).length > 0), { what: 'five sent events', timeoutMs: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      for (const id of ids) expect(new Set(sentOf(id).map((e) => e.id)).size).toBe(1);
      // Nothing went out again, and nothing about the withdrawn match went out for the first time.
      expect(service.smtp.received.filter((m) => m.to === 'five@example.vn')).toHaveLength(1);
      expect(service.sms.received.filter((r) => r.body.to === '+84911000005')).toHaveLength(1);
      expect(service.smtp.received.filter((m) => m.to === 'six@example.vn')).toHaveLength(0);
      expect(service.sms.received.filter((r) => r.body.to === '+84911000006')).toHaveLength(0);
      const deliveries = second.mongo.db!.collection('deliveries');
      for (const id of ids) expect(await deliveries.findOne({ _id: `${id}:2` as never })).toMatchObject({ state: 'sent', uncertain: true });
      // The SMS of mt_crash_06 was never claimed: it is held back as any channel of a withdrawn match.
      expect(await deliveries.findOne({ _id: 'mt_crash_06:sms' as never })).toMatchObject({ state: 'suppressed' });
      expect(await second.mongo.db!.collection('inbox').countDocuments({ workerId: { $in: ['wrk_crash5', 'wrk_crash6'] } })).toBe(2);
    } finally {
      await second.close();
    }
  });
});
