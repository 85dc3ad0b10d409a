import { vacanciesTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { aVacancy, anEmployer } from '../mothers.js';
import { startService, type TestService } from '../helpers.js';

const vacancy = (type: 'vacancy.opened' | 'vacancy.updated', vacancyId: string, version: number, title: string) => ({
  type,
  subject: vacancyId,
  data: { ...aVacancy({ vacancyId, version }), terms: { ...aVacancy().terms, title } },
});

/**
 * The vacancy projection in batches of a partition (new vacancies inserted
 * together, stored ones replaced) and one event at a time must end the same:
 * each vacancy's newest version, a stale one passed over.
 */
describe.each([
  ['in batches', '500'],
  ['one at a time', '0'],
])('vacancy summaries %s, on the real broker and FerretDB', (_mode, batchSize) => {
  let service: TestService | undefined;
  afterEach(async () => service?.close());

  it('keeps each vacancy\'s newest version, whether it was stored before or not', async () => {
    service = await startService({ NOTIFICATION_BATCH_SIZE: batchSize });
    const { vacancies } = service.app.notification.jobs;
    const handled = async () => (await service!.handled('vacancy.opened', 'ok')) + (await service!.handled('vacancy.updated', 'ok')) + (await service!.handled('vacancy.updated', 'duplicate'));
    await service.publish(vacanciesTopic, 'vac_pb_b', [vacancy('vacancy.opened', 'vac_pb_b', 1, 'B1')]);
    await waitFor(async () => (await handled()) === 1, { what: 'first vacancy projected' });
    // Not stored yet: a newer version and a stale one in the same partition; stored: updated twice under one version.
    await service.publish(vacanciesTopic, 'vac_pb_a', [vacancy('vacancy.opened', 'vac_pb_a', 1, 'A1'), vacancy('vacancy.updated', 'vac_pb_a', 3, 'A3'), vacancy('vacancy.updated', 'vac_pb_a', 2, 'A2')]);
    await service.publish(vacanciesTopic, 'vac_pb_b', [vacancy('vacancy.updated', 'vac_pb_b', 2, 'B2'), vacancy('vacancy.updated', 'vac_pb_b', 2, 'B2 again')]);
    await waitFor(async () => (await handled()) === 6, { what: 'vacancy events handled' });

    expect(await service.handled('vacancy.opened', 'ok')).toBe(2);
    expect(await service.handled('vacancy.updated', 'ok')).toBe(2); // A3, B2
    expect(await service.handled('vacancy.updated', 'duplicate')).toBe(2); // A2 (stale), B2 again
    const a = await vacancies.findById('vac_pb_a').lean();
    expect(a).toMatchObject({ version: 3, title: 'A3', employerId: 'emp_test01', communeCode: '06025' });
    // A commune missing from the reference lists leaves no place fields (not nulls, which the messages would not expect).
    expect(a).not.toHaveProperty('placeName');
    expect(await vacancies.findById('vac_pb_b').lean()).toMatchObject({ version: 2, title: 'B2' });
  });
});

describe('match withdrawals in one batch, on FerretDB', () => {
  let service: TestService | undefined;
  afterEach(async () => service?.close());

  it('inserts new states and updates stored ones, the last withdrawal of a match winning', async () => {
    service = await startService();
    const states = service.app.notification.matchStates;
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 5, minute));
    await states.place('mt_wd_placed', at(0));
    await states.withdrawMany([{ matchId: 'mt_wd_new', at: at(1) }, { matchId: 'mt_wd_new', at: at(2) }, { matchId: 'mt_wd_placed', at: at(3) }]);
    expect(await states.getMany(['mt_wd_new', 'mt_wd_placed'])).toEqual(
      new Map([
        ['mt_wd_new', { withdrawnAt: at(2) }],
        ['mt_wd_placed', { placedAt: at(0), withdrawnAt: at(3) }],
      ]),
    );
    // Withdrawn again (re-proposed in between): the stored state takes the later withdrawal.
    await states.withdrawMany([{ matchId: 'mt_wd_new', at: at(9) }, { matchId: 'mt_wd_other', at: at(4) }]);
    expect((await states.getMany(['mt_wd_new', 'mt_wd_other'])).get('mt_wd_new')).toEqual({ withdrawnAt: at(9) });
    expect((await states.getMany(['mt_wd_other'])).get('mt_wd_other')).toEqual({ withdrawnAt: at(4) });
  });
});

describe('employer names in one batch, on FerretDB', () => {
  let service: TestService | undefined;
  afterEach(async () => service?.close());

  it('inserts new employers and replaces stored ones with their newest version, passing over stale ones', async () => {
    service = await startService();
    const { jobs } = service.app.notification;
    const employer = (employerId: string, version: number, name: string) => anEmployer({ employerId, version, name });
    expect(await jobs.applyEmployers([employer('emp_pb_b', 1, 'B1')])).toEqual([true]);
    expect(await jobs.applyEmployers([employer('emp_pb_a', 1, 'A1'), employer('emp_pb_a', 3, 'A3'), employer('emp_pb_a', 2, 'A2'), employer('emp_pb_b', 2, 'B2'), employer('emp_pb_b', 2, 'B2 again')])).toEqual([true, true, false, true, false]);
    expect(await jobs.employers.find({ _id: { $in: ['emp_pb_a', 'emp_pb_b'] } }).sort({ _id: 1 }).lean()).toEqual([
      { _id: 'emp_pb_a', version: 3, name: 'A3' },
      { _id: 'emp_pb_b', version: 2, name: 'B2' },
    ]);
  });
});
