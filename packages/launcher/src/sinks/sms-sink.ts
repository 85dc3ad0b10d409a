import { appendFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface SinkSms {
  at: string;
  body: unknown;
}

export interface SmsSink {
  url: string;
  received: SinkSms[];
  count: () => number;
  close: () => Promise<void>;
}

const MAX_BODY = 64 * 1024;

/**
 * A local stand-in for the SMS gateway: every POST is answered 200 and
 * appended as one JSON line to `<dir>/sms.jsonl`. Not a gateway: nothing is sent.
 */
export async function startSmsSink({ dir, host = '127.0.0.1', port = 0, keep = 500 }: { dir: string; host?: string; port?: number; keep?: number }): Promise<SmsSink> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'sms.jsonl');
  const received: SinkSms[] = [];
  let count = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      if (request.method !== 'POST' || size > MAX_BODY) {
        response.writeHead(request.method !== 'POST' ? 405 : 413).end();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // a gateway template need not be JSON: keep the text
      }
      count += 1;
      const sms: SinkSms = { at: new Date().toISOString(), body };
      received.push(sms);
      if (received.length > keep) received.shift();
      appendFile(file, `${JSON.stringify(sms)}\n`).then(
        () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sink-${count}` })),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/sms`,
    received,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
