import { describe, expect, it } from 'vitest';
import { gridCells, onGrid, overlaps } from '../../src/domain/time-grid.js';
import { candidateRef, checkInToken, readCheckInToken, readSelfServiceToken, selfServiceToken, TokenSigner } from '../../src/domain/tokens.js';

describe('time grid', () => {
  it('accepts only times on the grid', () => {
    expect(onGrid(new Date('2026-12-05T02:05:00Z'), 5)).toBe(true);
    expect(onGrid(new Date('2026-12-05T02:07:00Z'), 5)).toBe(false);
    expect(onGrid(new Date('2026-12-05T02:05:30Z'), 5)).toBe(false);
  });

  it('gives one cell per grid step, so overlapping intervals share a cell and adjacent ones do not', () => {
    const a = gridCells(new Date('2026-12-05T02:00:00Z'), new Date('2026-12-05T02:20:00Z'), 5);
    const b = gridCells(new Date('2026-12-05T02:15:00Z'), new Date('2026-12-05T02:30:00Z'), 5);
    const c = gridCells(new Date('2026-12-05T02:20:00Z'), new Date('2026-12-05T02:40:00Z'), 5);
    expect(a).toEqual(['2026-12-05T02:00:00.000Z', '2026-12-05T02:05:00.000Z', '2026-12-05T02:10:00.000Z', '2026-12-05T02:15:00.000Z']);
    expect(a.some((cell) => b.includes(cell))).toBe(true);
    expect(a.some((cell) => c.includes(cell))).toBe(false);
  });

  it('tells overlapping intervals from adjacent ones', () => {
    const at = (s: string, e: string) => ({ startsAt: `2026-12-05T${s}:00.000Z`, endsAt: `2026-12-05T${e}:00.000Z` });
    expect(overlaps(at('02:00', '02:20'), at('02:15', '02:30'))).toBe(true);
    expect(overlaps(at('02:00', '02:20'), at('02:20', '02:40'))).toBe(false);
    expect(overlaps(at('02:00', '03:00'), at('02:10', '02:20'))).toBe(true);
  });
});

describe('signed tokens', () => {
  const signer = new TokenSigner('a-test-secret-of-at-least-32-characters!');

  it('reads back a check-in code and refuses an altered or foreign one', () => {
    const code = checkInToken(signer, 'fair_1', 'reg_1');
    expect(readCheckInToken(signer, code)).toEqual({ fairId: 'fair_1', registrationId: 'reg_1' });
    expect(readCheckInToken(signer, code.replace('reg_1', 'reg_2'))).toBeNull();
    expect(readCheckInToken(new TokenSigner('another-secret-of-at-least-32-characters'), code)).toBeNull();
    expect(readCheckInToken(signer, 'nonsense')).toBeNull();
  });

  it('does not take a self-service link as a check-in code, and expires links', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    const link = selfServiceToken(signer, 'fair_1', 'worker_1', new Date('2026-11-21T00:00:00Z'));
    expect(readSelfServiceToken(signer, link, now)).toEqual({ fairId: 'fair_1', workerId: 'worker_1' });
    expect(readSelfServiceToken(signer, link, new Date('2026-11-21T00:00:01Z'))).toBeNull();
    expect(readCheckInToken(signer, link)).toBeNull();
  });

  it('gives a worker a pseudonym stable within a fair and different across fairs', () => {
    expect(candidateRef(signer, 'fair_1', 'worker_1')).toBe(candidateRef(signer, 'fair_1', 'worker_1'));
    expect(candidateRef(signer, 'fair_1', 'worker_1')).not.toBe(candidateRef(signer, 'fair_2', 'worker_1'));
    expect(candidateRef(signer, 'fair_1', 'worker_1')).not.toContain('worker_1');
  });
});
