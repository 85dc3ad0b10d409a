import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { emailComposer } from '../../src/channels/email-composer.js';

const from = 'KetNoi Thái Nguyên <no-reply@ketnoi.local>';
const at = new Date('2026-11-26T05:00:00Z');
const content = {
  subject: 'Việc làm mới: Thợ may công nghiệp – Công ty May Thái Nguyên, lương 7.000.000 đ – 9.000.000 đ/tháng',
  text: 'Xin chào,\nCó việc làm phù hợp với bạn: Thợ may công nghiệp.\n'.repeat(4),
  html: '<p>Xin chào,</p><p>Có việc làm phù hợp với bạn: <b>Thợ may công nghiệp</b>.</p>'.repeat(4),
};
const email = (n: number) => ({ ...content, to: `worker${n}@mail.example.vn`, messageId: `<${String(n).padStart(40, 'a')}@ketnoi.local>` });
// Two compositions differ only in their multipart boundaries (random).
const boundaries = (raw: string) => [...new Set(raw.match(/--_NmP-[0-9a-f]+-Part_\d+/g))];
const withoutBoundaries = (raw: string) => boundaries(raw).reduce((text, b) => text.replaceAll(b, 'BOUNDARY'), raw);
const nodemailers = async (e: ReturnType<typeof email>) => (await new MailComposer({ from, ...e, date: at }).compile().build()).toString();

describe('emails composed once per content', () => {
  it('are what nodemailer composes for each recipient, with its own To, Message-ID and date', async () => {
    const compose = emailComposer(from, { now: () => at });
    for (const n of [1, 2]) {
      const composed = await compose(email(n));
      expect(composed?.envelope).toEqual({ from: 'no-reply@ketnoi.local', to: [`worker${n}@mail.example.vn`] });
      expect(withoutBoundaries(composed!.raw)).toBe(withoutBoundaries(await nodemailers(email(n))));
    }
  });

  it('compose a content once for its recipients, and again when it changes', async () => {
    const compose = emailComposer(from, { now: () => at });
    const [first, second, other] = [await compose(email(1)), await compose(email(2)), await compose({ ...email(3), subject: 'Việc khác' })];
    expect(boundaries(second!.raw)).toEqual(boundaries(first!.raw));
    expect(boundaries(other!.raw)).not.toEqual(boundaries(first!.raw));
  });

  it('leave to nodemailer a recipient it would quote or encode', async () => {
    const compose = emailComposer(from, { now: () => at });
    expect(await compose({ ...email(1), to: '"a worker"@mail.example.vn' })).toBeNull();
    expect(await compose({ ...email(1), to: 'thợ@mail.example.vn' })).toBeNull();
  });
});
