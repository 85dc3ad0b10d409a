import { describe, expect, it } from 'vitest';
import { planIngest } from '../../src/domain/ingest-plan.js';

const register = (person: string) => ({ kind: 'register' as const, person });
const withdraw = (person: string) => ({ kind: 'withdraw' as const, person });

describe('planIngest', () => {
  it('puts the first registration of each person into the bulk write', () => {
    expect(planIngest([register('a'), register('b'), register('c')])).toEqual(['bulk', 'bulk', 'bulk']);
  });

  it("applies a person's later events one by one, after their first", () => {
    expect(planIngest([register('a'), register('b'), register('a'), withdraw('b')])).toEqual(['bulk', 'bulk', 'in-order', 'in-order']);
  });

  it('keeps a registration that follows a withdrawal of the same person out of the bulk write', () => {
    expect(planIngest([withdraw('a'), register('a'), register('b')])).toEqual(['in-order', 'in-order', 'bulk']);
  });

  it('refuses what failed its checks without letting it count as a first event', () => {
    expect(planIngest([null, register('a'), null, register('a')])).toEqual(['refused', 'bulk', 'refused', 'in-order']);
  });
});
