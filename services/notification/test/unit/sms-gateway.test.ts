import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSmsGateway } from '../../src/channels/sms-gateway.js';

describe('the HTTP SMS gateway client', () => {
  // Answers the status named by the path; /hang never answers.
  let server: Server;
  let base: string;
  const bodies: unknown[] = [];
  let connections = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push({ auth: request.headers['x-api-key'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        if (request.url !== '/hang') response.writeHead(Number(request.url!.slice(1))).end('{"ok":true}');
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const gateway = (path: string, timeoutMs = 2_000) =>
    httpSmsGateway({ url: `${base}${path}`, authHeader: 'X-Api-Key: k1', bodyTemplate: '{"to": {{json to}}, "text": {{json text}} }', timeoutMs });

  it('posts the rendered body with the auth header, over one kept-alive connection', async () => {
    const sms = gateway('/200');
    const before = connections;
    await sms.send('+84911000001', 'Xin chào "bạn"');
    await sms.send('+84911000002', 'hai');
    expect(bodies.slice(-2)).toEqual([
      { auth: 'k1', body: { to: '+84911000001', text: 'Xin chào "bạn"' } },
      { auth: 'k1', body: { to: '+84911000002', text: 'hai' } },
    ]);
    expect(connections - before).toBe(1);
  });

  it('makes 5xx, 429, a timeout and a refused connection retriable, and a 4xx final', async () => {
    await expect(gateway('/503').send('+84911000001', 'x')).rejects.toMatchObject({ retriable: true, message: 'sms: gateway answered 503' });
    await expect(gateway('/429').send('+84911000001', 'x')).rejects.toMatchObject({ retriable: true });
    await expect(gateway('/400').send('+84911000001', 'x')).rejects.toMatchObject({ retriable: false, message: 'sms: gateway refused the message (400)' });
    await expect(gateway('/hang', 100).send('+84911000001', 'x')).rejects.toMatchObject({ retriable: true, message: 'sms: gateway unreachable (TimeoutError)' });
    await expect(httpSmsGateway({ url: 'http://127.0.0.1:1/', bodyTemplate: '{{json to}}{{json text}}', timeoutMs: 1_000 }).send('+84911000001', 'x')).rejects.toMatchObject({ retriable: true });
  });
});
