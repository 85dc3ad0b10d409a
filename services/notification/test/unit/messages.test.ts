import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobVariables, wageText } from '../../src/domain/job-variables.js';
import { loadMessage, messageParts } from '../../src/messages/message-templates.js';
import { aJob } from '../mothers.js';

describe('the match message', () => {
  const render = loadMessage('match-proposed');

  it('reads in Vietnamese with its diacritics', () => {
    const message = render('vi', jobVariables(aJob(), 'vi'));
    expect(message.sms).toBe(
      'KetNoi Thái Nguyên: Có việc làm phù hợp với bạn: Công nhân lắp ráp điện tử tại Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên, ' +
        'lương 7.000.000 đ – 9.000.000 đ/tháng, nơi làm việc phường Phổ Yên. Hạn nộp hồ sơ 31/12/2026. Liên hệ Trung tâm Dịch vụ việc làm để ứng tuyển.',
    );
    expect(message.subject).toBe('Việc làm phù hợp: Công nhân lắp ráp điện tử tại Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên');
    expect(message.html).toContain('<td>7.000.000 đ – 9.000.000 đ/tháng</td>');
    expect(message.text).toContain('Hạn nộp hồ sơ: 31/12/2026');
  });

  it('reads in English for a worker who chose English', () => {
    const message = render('en', jobVariables(aJob({ wagePeriod: 'hour', wageMinVnd: 30_000, wageMaxVnd: 30_000 }), 'en'));
    expect(message.sms).toContain('wage 30,000 VND/hour, in Phổ Yên Ward. Apply by 31/12/2026.');
  });

  it('escapes HTML in the email, not in the SMS', () => {
    const message = render('en', jobVariables(aJob({ employerName: 'A & B <Co>' }), 'en'));
    expect(message.html).toContain('A &amp; B &lt;Co&gt;');
    expect(message.sms).toContain('A & B <Co>');
  });

  it('refuses at load a template that names an unknown variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    for (const language of ['vi', 'en']) {
      for (const part of messageParts) writeFileSync(join(dir, `bad.${language}.${part}.hbs`), part === 'sms' ? 'Lương {{salary}}' : 'ok');
    }
    expect(() => loadMessage('bad', `${dir}/`)).toThrow(/salary/);
  });

  it('writes a single wage without a range', () => {
    expect(wageText(aJob({ wageMinVnd: 8_000_000, wageMaxVnd: 8_000_000 }), 'vi')).toBe('8.000.000 đ/tháng');
  });
});
