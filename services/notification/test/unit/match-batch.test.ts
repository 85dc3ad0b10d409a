import { isRetriable } from '@ketnoi/errors';
import { describe, expect, it } from 'vitest';
import { fullDayHolders } from '../../src/domain/cap-slots.js';
import { emptyKnown, MatchBatch, type JudgedMatch, type MatchBatchKnown } from '../../src/domain/match-batch.js';
import type { Contact } from '../../src/domain/types.js';
import { aContact, aJob } from '../mothers.js';

const quietHours = { start: '21:00', end: '07:00', timeZone: 'Asia/Ho_Chi_Minh' };
const noon = new Date('2026-11-26T12:00:00+07:00');
const rules = { quietHours, digestTime: '18:00', dailyCap: 2, contactWaitMs: 0 };

const known = (overrides: Partial<MatchBatchKnown> = {}, contacts: Contact[] = [aContact({ workerId: 'wrk_a' }), aContact({ workerId: 'wrk_b' })]): MatchBatchKnown => ({
  ...emptyKnown(),
  contacts: new Map(contacts.map((c) => [c.workerId, c])),
  employerOf: new Map([['vac_test01', 'emp_test01']]),
  jobs: new Map([['vac_test01', aJob()]]),
  ...overrides,
});

const proposal = (matchId: string, workerId = 'wrk_a', proposedAt = noon) => ({
  notice: { matchId, workerId, vacancyId: 'vac_test01', causeEventId: `evt-${matchId}`, proposedAt },
  score: 0.8,
  rank: 1,
});

const actions = (judged: JudgedMatch) => Object.fromEntries(judged.claims.map(({ delivery: d }) => [d.channel, d.action === 'suppress' ? d.reason : d.action]));
const sendAll = { 'in-app': 'send', sms: 'send', email: 'send' };

describe('judging a batch of matches in offset order, as one by one', () => {
  it('lets a withdrawal earlier in the batch stop a later proposal, but not an earlier one', () => {
    const batch = new MatchBatch(known(), rules, noon);
    const before = batch.propose(proposal('mt_1'));
    batch.withdraw('mt_1', new Date(noon.getTime() + 1));
    batch.withdraw('mt_2', new Date(noon.getTime() + 1));
    const after = batch.propose(proposal('mt_2'));
    expect(actions(before)).toEqual(sendAll);
    expect(actions(after)).toEqual({ 'in-app': 'withdrawn', sms: 'withdrawn', email: 'withdrawn' });
    expect(after.capSlot).toBeNull();
  });

  it('fills the daily cap across matches of one worker in the batch, counting slots already held', () => {
    const batch = new MatchBatch(known({ capHolders: new Map([['wrk_a:2026-11-26:1', 'mt_old']]) }), rules, noon);
    const [first, second, other] = [batch.propose(proposal('mt_1')), batch.propose(proposal('mt_2')), batch.propose(proposal('mt_3', 'wrk_b'))];
    expect(first.capSlot).toBe('wrk_a:2026-11-26:2');
    expect(actions(second)).toEqual({ 'in-app': 'cap', sms: 'cap', email: 'cap' });
    expect(second.capSlot).toBeNull();
    expect(actions(other)).toEqual(sendAll);
  });

  it('caps a worker whose full day was read from its last slot alone, taking no slot', () => {
    const batch = new MatchBatch(known({ capHolders: new Map(fullDayHolders('wrk_a', '2026-11-26', rules.dailyCap, 'mt_old')) }), rules, noon);
    const judged = batch.propose(proposal('mt_1'));
    expect(actions(judged)).toEqual({ 'in-app': 'cap', sms: 'cap', email: 'cap' });
    expect(judged.capSlot).toBeNull();
  });

  it('claims nothing twice for a match delivered twice in the batch, or claimed before it', () => {
    const batch = new MatchBatch(known({ steps: new Map([['mt_2:in-app', 'sending'], ['mt_2:in-app:2', 'sent']]) }), rules, noon);
    const first = batch.propose(proposal('mt_1'));
    const again = batch.propose(proposal('mt_1'));
    expect(first.claims).toHaveLength(3);
    expect(again.claims).toEqual([]);
    expect(again.unrecorded).toEqual([]);
    expect(again.capSlot).toBeNull();
    expect(batch.propose(proposal('mt_2')).claims.map((c) => c.delivery.channel)).toEqual(['sms', 'email']);
  });

  it('settles a claim left without an outcome (a crash), once even when the match comes twice', () => {
    const batch = new MatchBatch(known({ steps: new Map([['mt_1:sms', 'sending'], ['mt_1:email', 'suppressed']]) }), rules, noon);
    const judged = batch.propose(proposal('mt_1'));
    expect(judged.unrecorded).toEqual(['sms']);
    expect(judged.claims.map((c) => c.delivery.channel)).toEqual(['in-app']);
    expect(batch.propose(proposal('mt_1')).unrecorded).toEqual([]);
  });

  it('folds a digest worker\'s match into the next digest not sent yet, without a cap slot', () => {
    const batch = new MatchBatch(known({ digestWorkers: new Set(['wrk_a']), sentDigests: new Set(['wrk_a:2026-11-26']) }), rules, noon);
    const judged = batch.propose(proposal('mt_1'));
    expect(actions(judged)).toEqual({ 'in-app': 'digest', sms: 'digest', email: 'digest' });
    expect(judged.digest?._id).toBe('wrk_a:2026-11-27');
    expect(judged.claims.every((c) => c.digestId === 'wrk_a:2026-11-27')).toBe(true);
    expect(judged.capSlot).toBeNull();
    expect(batch.propose(proposal('mt_1')).digest).toBeNull();
  });

  it('settles a claim left without an outcome when the worker has chosen the digest since', () => {
    const batch = new MatchBatch(known({ digestWorkers: new Set(['wrk_a']), steps: new Map([['mt_1:sms', 'sending'], ['mt_1:email', 'suppressed']]) }), rules, noon);
    const judged = batch.propose(proposal('mt_1'));
    expect(judged.unrecorded).toEqual(['sms']);
    expect(actions(judged)).toEqual({ 'in-app': 'digest' });
    expect(batch.propose(proposal('mt_1')).unrecorded).toEqual([]);
  });

  it('queues one webhook per subscription wanting candidates, once', () => {
    const subscription = { _id: 'whs_1', employerId: 'emp_test01', url: 'https://hr.example', events: ['candidate.proposed' as const], secret: 's', createdAt: noon };
    const other = { ...subscription, _id: 'whs_2', events: ['vacancy.expired' as const] };
    const batch = new MatchBatch(known({ subscriptions: new Map([['emp_test01', [subscription, other]]]), webhookClaims: new Set(['whs_1:candidate.proposed:mt_2']) }), rules, noon);
    expect(batch.propose(proposal('mt_1')).webhooks.map((w) => w._id)).toEqual(['whs_1:candidate.proposed:mt_1']);
    expect(batch.propose(proposal('mt_1')).webhooks).toEqual([]);
    expect(batch.propose(proposal('mt_2')).webhooks).toEqual([]);
  });

  it('waits (retriable) for a vacancy not projected yet', () => {
    const batch = new MatchBatch(known({ employerOf: new Map(), jobs: new Map() }), rules, noon);
    let thrown: unknown;
    try {
      batch.propose(proposal('mt_1'));
    } catch (error) {
      thrown = error;
    }
    expect(isRetriable(thrown)).toBe(true);
  });

  it('waits (retriable) a while for the contact of a worker it does not know yet, then judges without one', () => {
    const CONTACT_WAIT_MS = 300_000;
    const batch = new MatchBatch(known({}, []), { ...rules, contactWaitMs: CONTACT_WAIT_MS }, noon);
    expect(() => batch.propose(proposal('mt_1', 'wrk_new', new Date(noon.getTime() - CONTACT_WAIT_MS + 1)))).toThrow(/contact of worker wrk_new not projected yet/);
    let thrown: unknown;
    try {
      batch.propose(proposal('mt_1', 'wrk_new', noon));
    } catch (error) {
      thrown = error;
    }
    expect(isRetriable(thrown)).toBe(true);
    const late = batch.propose(proposal('mt_2', 'wrk_new', new Date(noon.getTime() - CONTACT_WAIT_MS)));
    expect(actions(late)).toEqual({ 'in-app': 'no-consent', sms: 'no-consent', email: 'no-consent' });
  });

  it('defers SMS in the quiet hours and suppresses a worker without consent without taking a slot', () => {
    const night = new Date('2026-11-26T22:00:00+07:00');
    const batch = new MatchBatch(known({}, [aContact({ workerId: 'wrk_a' }), aContact({ workerId: 'wrk_b', consent: false })]), rules, night);
    expect(actions(batch.propose(proposal('mt_1', 'wrk_a', night)))).toEqual({ 'in-app': 'send', sms: 'defer', email: 'send' });
    const refused = batch.propose(proposal('mt_2', 'wrk_b', night));
    expect(actions(refused)).toEqual({ 'in-app': 'no-consent', sms: 'no-consent', email: 'no-consent' });
    expect(refused.capSlot).toBeNull();
  });
});
