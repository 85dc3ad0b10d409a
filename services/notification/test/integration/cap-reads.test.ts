import { afterEach, describe, expect, it } from 'vitest';
import { UNREAD_HOLDER } from '../../src/domain/cap-slots.js';
import { loadMatchBatch } from '../../src/use-cases/load-match-batch.js';
import { clock, startService, type TestService } from '../helpers.js';

const day = '2026-11-26';
const slot = (workerId: string, n: number, matchId: string) => ({ _id: `${workerId}:${day}:${n}`, matchId });
const fullDay = (workerId: string, holder: (n: number) => string) => [1, 2, 3, 4, 5].map((n) => slot(workerId, n, holder(n)));

/**
 * Most proposals reach a worker at the daily cap: the batch reads such a
 * worker's last slot alone, and every slot where a proposal of the batch may
 * hold one (FerretDB's reads cost per document found).
 */
describe('the cap slots a batch of proposals reads, on FerretDB', () => {
  let service: TestService | undefined;
  afterEach(async () => service?.close());

  it('reads the last slot of a full day, and the whole day where a proposal of the batch may hold a slot', async () => {
    service = await startService({ DAILY_CAP: '5' });
    const deps = service.app.notification;
    const now = clock.now!;
    const earlier = [
      ...fullDay('wrk_full', (n) => `mt_earlier${n}`),
      // A redelivered proposal (claimed before) holding slot 2: what its unrecorded tries get depends on it.
      ...fullDay('wrk_redelivered', (n) => (n === 2 ? 'mt_redelivered' : `mt_other${n}`)),
      // An earlier try of this batch took the last slot.
      ...fullDay('wrk_retried', (n) => (n === 5 ? 'mt_retried' : `mt_other${n}`)),
      ...fullDay('wrk_took', (n) => `mt_other${n}`).filter((s) => !s._id.endsWith(':3')),
      slot('wrk_room', 1, 'mt_room_earlier'),
    ];
    await deps.cap.insert(earlier);
    // Written by tries that got as far as their claims.
    deps.cap.settle(earlier.map((s) => s.matchId));
    await deps.deliveries.claimMany([{ matchId: 'mt_redelivered', workerId: 'wrk_redelivered', channel: 'sms', state: 'sending', at: now }]);
    // A try of this instance gave mt_took slot 3 and stopped before its claims (a retriable failure); another match has the last slot.
    await deps.cap.insert([slot('wrk_took', 3, 'mt_took')]);
    const notice = (matchId: string, workerId: string) => ({ matchId, workerId, vacancyId: 'vac_test01', causeEventId: `evt-${matchId}`, proposedAt: now });
    const proposals = [notice('mt_new', 'wrk_full'), notice('mt_redelivered', 'wrk_redelivered'), notice('mt_retried', 'wrk_retried'), notice('mt_took', 'wrk_took'), notice('mt_room', 'wrk_room')];

    const { capHolders } = await loadMatchBatch(deps, proposals, now);

    const read = (workerId: string, holder: (n: number) => string) => Object.fromEntries(fullDay(workerId, holder).map((s) => [s._id, s.matchId]));
    expect(Object.fromEntries(capHolders)).toEqual({
      ...read('wrk_full', (n) => (n === 5 ? 'mt_earlier5' : UNREAD_HOLDER)),
      ...read('wrk_redelivered', (n) => (n === 2 ? 'mt_redelivered' : `mt_other${n}`)),
      ...read('wrk_retried', (n) => (n === 5 ? 'mt_retried' : `mt_other${n}`)),
      ...read('wrk_took', (n) => (n === 3 ? 'mt_took' : `mt_other${n}`)),
      [`wrk_room:${day}:1`]: 'mt_room_earlier',
    });
  });

  it('remembers a full day for the day: its slots are never given back', async () => {
    service = await startService({ DAILY_CAP: '5' });
    const { cap } = service.app.notification;
    await cap.insert(fullDay('wrk_full', (n) => `mt_earlier${n}`));
    expect(await cap.lastHolders(['wrk_full', 'wrk_none'], day)).toEqual(new Map([['wrk_full', 'mt_earlier5']]));
    await cap.model.deleteMany({});
    expect(await cap.lastHolders(['wrk_full'], day)).toEqual(new Map([['wrk_full', 'mt_earlier5']]));
    expect(await cap.lastHolders(['wrk_full'], '2026-11-27')).toEqual(new Map());
  });
});
