import { describe, expect, it } from 'vitest';
import { planDeliveries, type PlanInput } from '../../src/domain/plan-deliveries.js';
import { aContact } from '../mothers.js';

const quietHours = { start: '21:00', end: '07:00', timeZone: 'Asia/Ho_Chi_Minh' };
const noon = new Date('2026-11-26T12:00:00+07:00');
const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  contact: aContact(),
  now: noon,
  quietHours,
  withdrawn: false,
  capped: false,
  ...overrides,
});
const actions = (plan: ReturnType<typeof planDeliveries>) =>
  Object.fromEntries(plan.map((d) => [d.channel, d.action === 'suppress' ? d.reason : d.action]));

describe('planning the deliveries of one match', () => {
  it('sends on every channel the worker chose, with consent', () => {
    expect(actions(planDeliveries(input()))).toEqual({ 'in-app': 'send', sms: 'send', email: 'send' });
  });

  it('sends nothing without consent, or to an unknown worker', () => {
    const none = { 'in-app': 'no-consent', sms: 'no-consent', email: 'no-consent' };
    expect(actions(planDeliveries(input({ contact: aContact({ consent: false }) })))).toEqual(none);
    expect(actions(planDeliveries(input({ contact: null })))).toEqual(none);
  });

  it('respects a channel the worker turned off, and a missing address', () => {
    const contact = aContact({ channels: { sms: false, email: true, inApp: true }, email: undefined });
    expect(actions(planDeliveries(input({ contact })))).toEqual({ 'in-app': 'send', sms: 'opt-out', email: 'no-address' });
  });

  it('suppresses a withdrawn match and a capped worker', () => {
    expect(actions(planDeliveries(input({ withdrawn: true }))).sms).toBe('withdrawn');
    expect(actions(planDeliveries(input({ capped: true }))).email).toBe('cap');
  });

  it('defers only SMS in the quiet hours, until 07:00 local', () => {
    const plan = planDeliveries(input({ now: new Date('2026-11-26T22:00:00+07:00') }));
    expect(actions(plan)).toEqual({ 'in-app': 'send', sms: 'defer', email: 'send' });
    const sms = plan.find((d) => d.channel === 'sms');
    expect(sms).toMatchObject({ until: new Date('2026-11-27T07:00:00+07:00') });
  });
});
