import { describe, expect, it } from 'vitest';
import { analyse, differences, matchRows, notificationRows, repeats, vacancyRows, workerRows, type Observed } from '../../src/analyse.js';
import { emptyLedger, type Ledger } from '../../src/ledger.js';
import type { TopicEvent } from '../../src/read-topic.js';

let offset = 0;
const event = (type: string, subject: string, data: Record<string, unknown> = {}, id = `e${offset}`): TopicEvent => ({ id, type, subject, data, partition: 0, offset: String(offset++) });

const observed = (over: Partial<Observed> = {}): Observed => ({
  workerIds: new Map(),
  topics: { workers: [], vacancies: [], placements: [], matches: [], notifications: [] },
  ingestDlq: 0,
  matchingLists: new Map(),
  emails: [],
  sms: [],
  activity: { registrations: 0, vacanciesOpened: 0, positionsOpened: 0, matchesProposed: 0, placements: 0, notifications: {} },
  ...over,
});

const ledgerWith = (workers: string[], vacancies: [string, string[]][] = []): Ledger => {
  const ledger = emptyLedger();
  for (const cccd of workers) ledger.workers.set(cccd, { externalRef: `ref-${cccd}`, email: `${cccd}@example.vn` });
  for (const [key, ids] of vacancies) ledger.vacancies.set(key, { vacancyIds: new Set(ids), positions: 2 });
  return ledger;
};

describe('counting accepted inputs against their effects', () => {
  it('a worker registration could not find is lost; two workers for one citizen-ID are a duplicate', () => {
    const ledger = ledgerWith(['a', 'b', 'c']);
    const rows = workerRows(ledger, observed({ workerIds: new Map([['a', ['w1']], ['b', ['w2', 'w3']], ['c', []]]) }));
    expect(rows[0]).toMatchObject({ accepted: 3, effects: 2, lost: 1, duplicated: 1 });
  });

  it('a redelivered worker.registered (same event id) is no duplicate; a second one with another id is', () => {
    const ledger = ledgerWith(['a', 'b']);
    const same = event('worker.registered', 'w1', {}, 'x');
    const rows = workerRows(ledger, observed({ topics: { ...observed().topics, workers: [same, { ...same }, event('worker.registered', 'w2'), event('worker.registered', 'w2')] } }));
    expect(rows[1]).toMatchObject({ effects: 2, lost: 0, duplicated: 1 });
  });

  it('an accepted vacancy never opened is lost; two vacancies for one Idempotency-Key are a duplicate', () => {
    const ledger = ledgerWith([], [['k1', ['v1']], ['k2', ['v2', 'v3']]]);
    const rows = vacancyRows(ledger, observed({ topics: { ...observed().topics, vacancies: [event('vacancy.opened', 'v1'), event('vacancy.opened', 'v2')] } }));
    expect(rows[0]).toMatchObject({ accepted: 3, effects: 2, lost: 1, duplicated: 1 });
  });

  it('matches.v1 folds into matching lists; a second proposal of a live match is a duplicate', () => {
    const ledger = ledgerWith([], [['k1', ['v1']]]);
    const m = (type: string, matchId: string) => event(type, 'v1', { matchId, vacancyId: 'v1', workerId: matchId });
    const topics = { ...observed().topics, matches: [m('match.proposed', 'a'), m('match.proposed', 'b'), m('match.withdrawn', 'b'), m('match.proposed', 'c'), m('match.proposed', 'c')] };
    const [row] = matchRows(ledger, observed({ topics, matchingLists: new Map([['v1', ['a', 'c']]]) }));
    expect(row).toMatchObject({ effects: 3, lost: 0, duplicated: 1 });
    const [stale] = matchRows(ledger, observed({ topics, matchingLists: new Map([['v1', ['a', 'd']]]) }));
    expect(stale).toMatchObject({ lost: 2 });
  });

  it('the same email twice to one address is a duplicate; a recorded email that never arrived is lost', () => {
    const ledger = ledgerWith(['a']);
    const sent = (n: string) => event('notification.sent', 'w1', { notificationId: n, channel: 'email', recipientId: 'w1' });
    const rows = notificationRows(
      ledger,
      observed({
        workerIds: new Map([['a', ['w1']]]),
        topics: { ...observed().topics, notifications: [sent('m1'), sent('m2'), sent('m3')] },
        emails: [{ to: 'a@example.vn', content: 'job 1' }, { to: 'A@example.vn', content: 'job 1' }],
      }),
    );
    expect(rows[1]).toMatchObject({ effects: 2, duplicated: 1, lost: 1 });
    expect(rows[0]).toMatchObject({ effects: 3, duplicated: 0 });
  });

  it('an email sent again under the Message-ID of its first try is one email; with another Message-ID it is a duplicate', () => {
    const ledger = ledgerWith(['a']);
    const sent = (n: string) => event('notification.sent', 'w1', { notificationId: n, channel: 'email', recipientId: 'w1' });
    const rows = notificationRows(
      ledger,
      observed({
        workerIds: new Map([['a', ['w1']]]),
        topics: { ...observed().topics, notifications: [sent('m1'), sent('m2')] },
        emails: [
          { to: 'a@example.vn', content: 'job 1', messageId: '<1@k>' },
          { to: 'a@example.vn', content: 'job 1', messageId: '<1@k>' },
          { to: 'a@example.vn', content: 'job 2', messageId: '<2@k>' },
          { to: 'a@example.vn', content: 'job 2', messageId: '<3@k>' },
        ],
      }),
    );
    expect(rows[1]).toMatchObject({ effects: 3, duplicated: 1, lost: 0 });
    expect(rows[1]!.note).toContain('1 sent again under the same Message-ID');
  });

  it('an SMS recorded as sent that never reached the gateway is reported, not counted as a duplicate', () => {
    const ledger = ledgerWith([]);
    ledger.workers.set('a', { externalRef: 'ref-a', phone: '0900000001' });
    const sent = (n: string) => event('notification.sent', 'w1', { notificationId: n, channel: 'sms', recipientId: 'w1' });
    const rows = notificationRows(
      ledger,
      observed({ workerIds: new Map([['a', ['w1']]]), topics: { ...observed().topics, notifications: [sent('m1'), sent('m2')] }, sms: [{ to: '+84900000001', content: 'x' }] }),
    );
    expect(rows[2]).toMatchObject({ effects: 1, duplicated: 0, lost: 0 });
    expect(rows[2]!.note).toContain('1 recorded as sent that never arrived');
  });

  it("analytics' counts are compared with counts made independently", () => {
    const ledger = ledgerWith(['a', 'b'], [['k1', ['v1']]]);
    const rows = analyse(ledger, observed({ activity: { registrations: 3, vacanciesOpened: 1, positionsOpened: 2, matchesProposed: 0, placements: 0, notifications: {} } }));
    expect(rows.find((r) => r.check === 'analytics registrations')).toMatchObject({ accepted: 2, effects: 3, duplicated: 1, lost: 0 });
    expect(rows.find((r) => r.check === 'analytics positions opened')).toMatchObject({ lost: 0, duplicated: 0 });
  });

  it('repeats and differences', () => {
    expect(repeats(['a', 'b', 'a', 'a'])).toBe(2);
    expect(differences({ a: 1, b: [1, 2], c: { d: 'x' } }, { a: 1, b: [1, 3], c: { d: 'x', e: 1 } })).toEqual(['$.b.1', '$.c.e']);
  });
});
