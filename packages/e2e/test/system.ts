import { freePorts, levelOf, SERVICE_NAMES, serverScript, startSystem, type RunningSystem, type ServiceName } from '@ketnoi/launcher';
import { readTopic, testKafka, uniqueName } from '@ketnoi/testing';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import { inject } from 'vitest';

export const root = resolve(import.meta.dirname, '../../..');

export interface WebhookHit {
  body: string;
  timestamp: string;
  signature: string;
}

/** An employer's webhook receiver: a real HTTP server on a local port (allow-listed in notification). */
export async function startWebhookReceiver() {
  const hits: WebhookHit[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hits.push({
        body: Buffer.concat(chunks).toString('utf8'),
        timestamp: String(request.headers['ketnoi-timestamp']),
        signature: String(request.headers['ketnoi-signature']),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { host: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/ketnoi-hook`, hits, close: () => new Promise<void>((done) => server.close(() => done())) };
}

export interface E2eSystem extends RunningSystem {
  dataDir: string;
  /** The last warnings and errors of each service's log, for a failure message. */
  logTails: (lines?: number) => Promise<string>;
  dispose: () => Promise<void>;
}

/**
 * The six services as real processes (their builds) on the shared Kafka and
 * FerretDB, with databases, topics and consumer groups of their own, the
 * launcher's SMTP and SMS sinks, and `webhookHosts` allowed over plain HTTP.
 */
export async function startE2eSystem(webhookHosts: string[]): Promise<E2eSystem> {
  const missing = SERVICE_NAMES.map((s) => serverScript(root, s)).filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`build first (pnpm build): missing ${missing.join(', ')}`);
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const id = uniqueName('e2e').replace(/-/g, '_');
  const dataDir = await mkdtemp(join(tmpdir(), 'ketnoi-e2e-'));
  const ports = await freePorts(SERVICE_NAMES.length);
  const system = await startSystem({
    root,
    dataDir,
    kafkaBrokers,
    mongoUrl,
    ports: Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, ports[i]!])) as Record<ServiceName, number>,
    databasePrefix: `${id}_`,
    topicSuffix: id,
    groupPrefix: id,
    webhookAllowedHosts: webhookHosts,
    readyTimeoutMs: 100_000,
    serviceEnv: {
      // Equal start and end: no quiet hours, so the SMS goes now whatever the time of day.
      notification: { QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '00:00', WEBHOOK_POLL_MS: '200' },
      analytics: { ANALYTICS_PUBLISH_DEBOUNCE_MS: '200' },
    },
  });
  const logTails = async (lines = 25) =>
    (
      await Promise.all(
        SERVICE_NAMES.map(async (s) => {
          const text = await readFile(join(dataDir, 'logs', `${s}.log`), 'utf8').catch(() => '');
          const serious = text.split('\n').filter((line) => line && levelOf(line) >= 40 && !line.includes('"component":"kafkajs"'));
          return `--- ${s}\n${serious.slice(-lines).join('\n')}`;
        }),
      )
    ).join('\n');
  return {
    ...system,
    dataDir,
    logTails,
    dispose: async () => {
      await system.stop();
      for (const database of Object.values(system.databases)) {
        const connection = await mongoose.createConnection(mongoUrl, { dbName: database, serverSelectionTimeoutMS: 10_000 }).asPromise();
        await connection.dropDatabase();
        await connection.close();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TopicEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/** Reads a contract topic of this system from its beginning; `find` waits for the first event that fits. */
export async function watchTopic(system: RunningSystem, contractName: string) {
  const reader = await readTopic(testKafka(), system.topic(contractName));
  const events = () => reader.messages.map((m) => JSON.parse(m.value ?? '{}') as TopicEvent);
  return { events, stop: () => reader.stop() };
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

/** JSON over HTTP with a bearer token; answers status and parsed body. */
export async function api(url: string, { method = 'GET', token, body, headers = {} }: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = text && (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.status, body: json, text };
}
