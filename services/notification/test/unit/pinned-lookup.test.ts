import { describe, expect, it } from 'vitest';
import { pinnedLookup } from '../../src/channels/pinned-lookup.js';

const addresses = [
  { address: '203.0.113.7', family: 4 },
  { address: '2001:db8::7', family: 6 },
];

const ask = (options: { family?: number; all?: boolean }) =>
  new Promise<unknown[]>((resolve) => pinnedLookup(addresses)('anything.example', options as never, (...args: unknown[]) => resolve(args)));

describe('the pinned lookup', () => {
  it('answers with the checked addresses, never asking DNS about the name', async () => {
    expect(await ask({})).toEqual([null, '203.0.113.7', 4]);
    expect(await ask({ family: 6 })).toEqual([null, '2001:db8::7', 6]);
    expect(await ask({ all: true })).toEqual([null, addresses]);
  });

  it('fails when no checked address has the family asked for', async () => {
    const [error] = await new Promise<unknown[]>((resolve) =>
      pinnedLookup([addresses[0]!])('anything.example', { family: 6 } as never, (...args: unknown[]) => resolve(args)),
    );
    expect((error as { code: string }).code).toBe('ENOTFOUND');
  });
});
