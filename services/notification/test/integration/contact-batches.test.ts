import { workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkerContact } from '../mothers.js';
import { startService, type TestService } from '../helpers.js';

const updated = (workerId: string, version: number, phone = `+8491234${String(version).padStart(4, '0')}`) => ({
  type: 'worker-contact.updated' as const,
  subject: workerId,
  data: aWorkerContact({ workerId, version, phone }),
});
const erased = (workerId: string, version: number) => ({
  type: 'worker-contact.erased' as const,
  subject: workerId,
  data: { workerId, version, erasedAt: new Date().toISOString() },
});

/**
 * The contact projection in batches of a partition (NOTIFICATION_BATCH_SIZE)
 * and one event at a time (0) must end the same: versions applied in order,
 * a stale one passed over, nothing brought back after an erasure.
 */
describe.each([
  ['in batches', '500'],
  ['one at a time', '0'],
])('worker contacts %s, on the real broker and FerretDB', (_mode, batchSize) => {
  let service: TestService | undefined;
  afterEach(async () => service?.close());

  it('applies each worker\'s newest contact, passes over stale versions and keeps erased workers forgotten', async () => {
    service = await startService({ NOTIFICATION_BATCH_SIZE: batchSize });
    const contacts = service.app.notification.contacts;
    // One send per key: a partition's events in order, read together by a batch consumer.
    await service.publish(workerContactsTopic, 'wrk_batch_a', [updated('wrk_batch_a', 1), updated('wrk_batch_a', 3), updated('wrk_batch_a', 2), erased('wrk_batch_a', 4), updated('wrk_batch_a', 5)]);
    await service.publish(workerContactsTopic, 'wrk_batch_b', [updated('wrk_batch_b', 1), updated('wrk_batch_b', 2, '+84900000002'), updated('wrk_batch_b', 2, '+84900000099')]);
    // A worker.erased among other workers.v1 events forgets that worker (and only it).
    await service.publish(workerContactsTopic, 'wrk_batch_c', [updated('wrk_batch_c', 1)]);
    await waitFor(async () => (await service!.handled('worker-contact.updated', 'ok')) + (await service!.handled('worker-contact.updated', 'duplicate')) === 8, { what: 'contact events handled' });
    await service.publish(workersTopic, 'wrk_batch_c', [
      { type: 'worker.erased', subject: 'wrk_batch_c', data: { workerId: 'wrk_batch_c', version: 2, erasedAt: new Date().toISOString() } },
    ]);
    await waitFor(async () => (await service!.handled('worker.erased', 'ok')) === 1, { what: 'worker.erased handled' });

    expect(await service.handled('worker-contact.updated', 'ok')).toBe(5); // a1, a3, b1, b2 (the first of two), c1
    expect(await service.handled('worker-contact.updated', 'duplicate')).toBe(3); // a2 (stale), a5 (after the erasure), b2 again
    expect(await service.handled('worker-contact.erased', 'ok')).toBe(1);
    expect(await contacts.get('wrk_batch_a')).toBeNull();
    expect(await contacts.erasures.exists({ _id: 'wrk_batch_a' })).toBeTruthy();
    expect(await contacts.get('wrk_batch_b')).toMatchObject({ version: 2, phone: '+84900000002' });
    expect(await contacts.get('wrk_batch_c')).toBeNull();
    expect(await contacts.erasures.exists({ _id: 'wrk_batch_c' })).toBeTruthy();
  });
});
