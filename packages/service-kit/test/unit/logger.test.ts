import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/index.js';
import { buildTestApp, memoryLogger } from '../helpers.js';

describe('logger', () => {
  it('redacts personal fields at any of the first levels', () => {
    const { logger, text, lines } = memoryLogger('registration');
    logger.info({ citizenId: '001234567890', phone: '+84912345678', workerId: 'w-1' }, 'worker registered');
    logger.info({ worker: { fullName: 'Nguyễn Văn An', email: 'an@example.vn' } }, 'nested');
    logger.info({ input: { contact: { cccd: '001234567891', address: 'Tổ 5, phường Phan Đình Phùng' } } }, 'deep');
    logger.info({ user: { password: 'p4ss' }, req: { headers: { authorization: 'Bearer abc.def' } } }, 'secrets');

    for (const value of ['001234567890', '+84912345678', 'Nguyễn Văn An', 'an@example.vn', '001234567891', 'Phan Đình', 'p4ss', 'abc.def']) {
      expect(text()).not.toContain(value);
    }
    const [first] = lines();
    expect(first).toMatchObject({ citizenId: REDACTED, phone: REDACTED, workerId: 'w-1', serviceName: 'registration', level: 'info' });
    expect(String(first?.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('logs request lines without the query string', async () => {
    const log = memoryLogger();
    const app = await buildTestApp({ logger: log.logger });
    app.get('/search', async () => []);
    await app.inject({ method: 'GET', url: '/search?phone=0912345678', headers: { 'x-request-id': 'req-42' } });
    expect(log.text()).not.toContain('0912345678');
    const incoming = log.lines().find((line) => line.msg === 'incoming request');
    expect(incoming).toMatchObject({ requestId: 'req-42', req: { method: 'GET', url: '/search' } });
  });

  it('keeps a safe x-request-id and replaces an unsafe one', async () => {
    const app = await buildTestApp();
    app.get('/ping', async () => 'pong');
    const kept = await app.inject({ method: 'GET', url: '/ping', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({ method: 'GET', url: '/ping', headers: { 'x-request-id': 'bad\nid' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
