import { employersTopic, notificationsTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import type { ServiceApp } from '@ketnoi/service-kit';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyOnMatchProposed } from '../../src/consumers/notify-on-match-proposed.js';
import { aMatchProposed, aVacancy, aWorkerContact, anEmployer } from '../mothers.js';
import { clock, startService, type TestService } from '../helpers.js';

class SimulatedCrash extends Error {}

const proposed = aMatchProposed;

/** SMS and emails go in windows sent at once (NOTIFICATION_SEND_CONCURRENCY, default 8), each window's SMS claimed together. */
describe('a crash in a window of sends, then a restart', () => {
  let service: TestService;
  let notifications: Awaited<ReturnType<typeof readTopic>>;
  let crashAt: string | undefined;
  const faults = {
    afterSend: (notificationId: string) => {
      if (notificationId !== crashAt) return;
      crashAt = undefined;
      throw new SimulatedCrash(notificationId);
    },
  };
  const workers = [
    ['wrk_window1', 'w1@example.vn', '+84912000001'],
    ['wrk_window2', 'w2@example.vn', '+84912000002'],
    ['wrk_window3', 'w3@example.vn', '+84912000003'],
  ] as const;
  const handleBatch = async (app: ServiceApp) => {
    const items = workers.map(([workerId], offset) => ({ event: proposed(`mt_window_${offset + 1}`, workerId), offset: String(offset), headers: {} }));
    return (await notifyOnMatchProposed(() => app.notification)(items as never, { log: app.log, heartbeat: async () => {} } as never)) ?? [];
  };

  beforeAll(async () => {
    clock.now = null;
    service = await startService({ QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '00:00' }, { faults });
    await service.publish(employersTopic, 'emp_test01', [{ type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }]);
    await service.publish(vacanciesTopic, 'vac_test01', [{ type: 'vacancy.opened', subject: 'vac_test01', data: aVacancy() }]);
    for (const [workerId, email, phone] of workers) {
      await service.publish(workerContactsTopic, workerId, [{ type: 'worker-contact.updated', subject: workerId, data: aWorkerContact({ workerId, email, phone }) }]);
    }
    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('contacts').countDocuments()) === 3 && (await db.collection('vacancies').countDocuments()) === 1, { what: 'contacts and vacancy projected' });
    notifications = await readTopic(testKafka(), service.topic(notificationsTopic.name));
  });
  afterAll(async () => {
    await notifications?.stop();
    await service?.close();
  });

  it('records every SMS of the window uncertain and sends none twice; the emails again under their Message-IDs', async () => {
    // The crash comes right after the first SMS: the window's other SMS and the emails went beside it, none recorded.
    crashAt = 'mt_window_1:sms';
    const first = await service.another('window-first');
    try {
      await expect(handleBatch(first)).rejects.toBeInstanceOf(SimulatedCrash);
    } finally {
      await first.close();
    }
    for (const [, email, phone] of workers) {
      expect(service.sms.received.filter((r) => r.body.to === phone)).toHaveLength(1);
      expect(service.smtp.received.filter((m) => m.to === email)).toHaveLength(1);
    }

    const second = await service.another('window-second');
    try {
      expect(await handleBatch(second)).toEqual(['ok', 'ok', 'ok']);
      expect(await handleBatch(second)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      second.notification.published();
      const ids = workers.flatMap((_, i) => ['sms', 'email', 'in-app'].map((c) => `mt_window_${i + 1}:${c}`));
      const sentOf = (id: string) =>
        notifications.messages.map((m) => JSON.parse(m.value!) as { id: string; type: string; data: { notificationId: string } }).filter((e) => e.type === 'notification.sent' && e.data.notificationId === id);
      await waitFor(() => ids.every((id) => sentOf(id).length > 0), { what: 'nine sent events', timeoutMs: 30_000 });
      for (const id of ids) expect(new Set(sentOf(id).map((e) => e.id)).size).toBe(1);
      const deliveries = second.mongo.db!.collection('deliveries');
      for (const [i, [, email, phone]] of workers.entries()) {
        expect(service.sms.received.filter((r) => r.body.to === phone)).toHaveLength(1);
        expect(await deliveries.findOne({ _id: `mt_window_${i + 1}:sms:2` as never })).toMatchObject({ state: 'sent', uncertain: true });
        const emails = service.smtp.received.filter((m) => m.to === email);
        expect(emails).toHaveLength(2);
        expect(new Set(emails.map((m) => m.messageId)).size).toBe(1);
      }
    } finally {
      await second.close();
    }
  });
});
