import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  from: string;
  to: string[];
  raw: string;
  file: string;
}

export interface SmtpSink {
  url: string;
  /** The most recent messages (at most `keep`), oldest first. */
  received: SinkMail[];
  count: () => number;
  close: () => Promise<void>;
}

/**
 * A local SMTP server that accepts every message and writes it to
 * `<dir>/<time>-<n>.eml`, so the emails a demo sends can be opened. Not a
 * relay: nothing leaves the machine.
 */
export async function startSmtpSink({ dir, host = '127.0.0.1', port = 0, keep = 500 }: { dir: string; host?: string; port?: number; keep?: number }): Promise<SmtpSink> {
  await mkdir(dir, { recursive: true });
  const received: SinkMail[] = [];
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 2 * 1024 * 1024,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const raw = Buffer.concat(chunks).toString('utf8');
        const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
        const mail: SinkMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          file,
        };
        received.push(mail);
        if (received.length > keep) received.shift();
        writeFile(file, raw).then(() => done(), done);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${address.port}`,
    received,
    count: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
