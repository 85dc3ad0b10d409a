import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../../src/domain/address-guard.js';
import { nextAttemptAt } from '../../src/domain/webhook-backoff.js';
import { signWebhook, verifyWebhook } from '../../src/domain/webhook-signature.js';

describe('webhook signatures', () => {
  const body = '{"type":"candidate.proposed"}';

  it('are HMAC-SHA256 over "<timestamp>.<body>", hex, prefixed v1=', () => {
    const expected = createHmac('sha256', 'secret').update(`1764100000.${body}`).digest('hex');
    expect(signWebhook('secret', 1764100000, body)).toBe(`v1=${expected}`);
  });

  it('verify with the right secret, and not with a changed body, another secret or an old timestamp', () => {
    const signature = signWebhook('secret', 1764100000, body);
    expect(verifyWebhook('secret', 1764100000, body, signature, 1764100010)).toBe(true);
    expect(verifyWebhook('secret', 1764100000, `${body} `, signature, 1764100010)).toBe(false);
    expect(verifyWebhook('other', 1764100000, body, signature, 1764100010)).toBe(false);
    expect(verifyWebhook('secret', 1764100000, body, signature, 1764100000 + 3600)).toBe(false);
  });
});

describe('the SSRF guard', () => {
  it.each(['10.0.0.1', '172.16.5.4', '192.168.1.1', '127.0.0.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'not-an-ip'])(
    'refuses %s',
    (address) => expect(isNonPublicAddress(address)).toBe(true),
  );

  it.each(['8.8.8.8', '203.113.131.1', '2001:4860:4860::8888'])('lets %s through', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('webhook retries', () => {
  const policy = { initialMs: 30_000, maxMs: 3_600_000, giveUpAfterMs: 86_400_000 };
  const first = new Date('2026-11-26T00:00:00Z');

  it('back off exponentially, with jitter between half and all of the ceiling', () => {
    const at = (attempts: number, random: number) => nextAttemptAt(first, attempts, first, policy, () => random)!.getTime() - first.getTime();
    expect(at(1, 0)).toBe(15_000);
    expect(at(1, 1)).toBe(30_000);
    expect(at(3, 1)).toBe(120_000);
    expect(at(20, 1)).toBe(3_600_000);
  });

  it('give up once the next try would fall past 24 hours', () => {
    const late = new Date(first.getTime() + 86_400_000 - 1_000);
    expect(nextAttemptAt(first, 30, late, policy, () => 0.5)).toBeNull();
  });
});
