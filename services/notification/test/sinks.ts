import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmsRequest {
  headers: IncomingHttpHeaders;
  body: { to: string; text: string };
}

/** A real HTTP server standing in for the SMS gateway; it answers `status`, or 503 to the next `failNext` calls (after `okFirst` more good ones). */
export async function startSmsGateway() {
  const received: SmsRequest[] = [];
  const state = { status: 200, failNext: 0, okFirst: 0, calls: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      state.calls += 1;
      const failing = state.failNext > 0 && state.okFirst === 0;
      if (state.failNext > 0 && state.okFirst > 0) state.okFirst -= 1;
      const status = failing ? 503 : state.status;
      if (failing) state.failNext -= 1;
      if (status < 300) received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server (smtp-server) on a random local port; parsed mail lands in `received` (only counted with parse false). */
export async function startSmtpServer({ parse = true } = {}) {
  const received: ReceivedEmail[] = [];
  const counter = { count: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, done) {
      if (!parse) {
        stream.on('end', () => {
          counter.count += 1;
          done();
        });
        stream.resume();
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          received.push({ messageId: mail.messageId ?? '', to: to?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    counter,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface WebhookHit {
  path: string;
  /** The Host header as it arrived. */
  host: string;
  body: string;
  timestamp: number;
  signature: string;
}

/** A real HTTP server as an employer's webhook receiver; paths under /failing answer 500. */
export async function startWebhookReceiver() {
  const hits: WebhookHit[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hits.push({
        path: request.url ?? '',
        host: request.headers.host ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        timestamp: Number(request.headers['ketnoi-timestamp']),
        signature: String(request.headers['ketnoi-signature']),
      });
      response.writeHead(request.url?.startsWith('/failing') ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
