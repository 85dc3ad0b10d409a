import { describe, expect, it } from 'vitest';
import { emailMessageId } from '../../src/domain/message-id.js';

describe('email Message-IDs', () => {
  it('are the same for one notification on every try, and differ between notifications', () => {
    const from = 'KetNoi Thái Nguyên <no-reply@ketnoi.local>';
    expect(emailMessageId('mt_01:email', from)).toBe(emailMessageId('mt_01:email', from));
    expect(emailMessageId('mt_01:email', from)).not.toBe(emailMessageId('mt_02:email', from));
  });

  it('are in the sender\'s domain, with no character a Message-ID may not hold', () => {
    expect(emailMessageId('digest:wrk_01:2026-11-26:email', 'KetNoi <no-reply@vieclam.thainguyen.gov.vn>')).toMatch(/^<[0-9a-f]{40}@vieclam\.thainguyen\.gov\.vn>$/);
    expect(emailMessageId('placement:pl_1:email', 'no-reply@ketnoi.local')).toMatch(/^<[0-9a-f]{40}@ketnoi\.local>$/);
  });
});
