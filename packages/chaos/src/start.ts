import { loadOrCreateSecrets, SERVICE_NAMES, serverScript, startSystem, type RunningSystem, type ServiceName, type SupervisorEvent } from '@ketnoi/launcher';
import { createDevIssuer } from '@ketnoi/service-kit';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { freePorts, type InstanceContext } from './instances.js';

export interface ChaosSystem {
  system: RunningSystem;
  context: InstanceContext;
  tokens: { staff: string; analyst: string };
  /** Every start and exit of the services, with when it happened (epoch ms). */
  supervision: (SupervisorEvent & { atMs: number })[];
  dispose: (keepData: boolean) => Promise<void>;
}

/**
 * The five services as processes (their builds) with topics, consumer groups
 * and databases of their own. The identity provider is made here rather than
 * by the launcher, so that extra instances started later trust the same key.
 */
export async function startChaosSystem(root: string, kafkaBrokers: readonly string[], mongoUrl: string, id: string): Promise<ChaosSystem> {
  const missing = SERVICE_NAMES.map((s) => serverScript(root, s)).filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`build first (pnpm build): missing ${missing.join(', ')}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'ketnoi-chaos-'));
  const issuer = await createDevIssuer({ issuer: 'urn:ketnoi:dev-issuer', audience: 'ketnoi' });
  const publicJwk = JSON.stringify(issuer.publicJwk);
  const ports = await freePorts(SERVICE_NAMES.length);
  const common = { AUTH_JWT_PUBLIC_KEY: publicJwk };
  const serviceEnv: Partial<Record<ServiceName, Record<string, string>>> = {
    ...Object.fromEntries(SERVICE_NAMES.map((s) => [s, common])),
    // Equal start and end: no quiet hours, so every message goes at once whatever the time of day.
    notification: { ...common, QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '00:00' },
    analytics: { ...common, ANALYTICS_PUBLISH_DEBOUNCE_MS: '1000' },
  };
  const supervision: ChaosSystem['supervision'] = [];
  const system = await startSystem({
    root,
    dataDir,
    kafkaBrokers,
    mongoUrl,
    ports: Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, ports[i]!])) as Record<ServiceName, number>,
    databasePrefix: `${id}_`,
    topicSuffix: id,
    groupPrefix: id,
    logLevel: 'warn',
    readyTimeoutMs: 150_000,
    serviceEnv,
    onEvent: (event) => supervision.push({ ...event, atMs: Date.now() }),
  });
  const { secrets } = await loadOrCreateSecrets(join(dataDir, 'run', 'secrets.json'));
  const context: InstanceContext = {
    root,
    dataDir,
    kafkaBrokers,
    mongoUrl,
    secrets,
    publicJwk,
    smtpUrl: system.sinks.smtp!.url,
    smsGatewayUrl: system.sinks.sms!.url,
    employerJwksUrl: `${system.urls['vacancy-intake']}/.well-known/jwks.json`,
    topicSuffix: id,
    groupPrefix: id,
    databasePrefix: `${id}_`,
    serviceEnv,
  };
  const tokens = {
    staff: await issuer.issue({ sub: 'staff:chaos', roles: ['staff', 'admin'] }, '12h'),
    analyst: await issuer.issue({ sub: 'analyst:chaos', roles: ['analyst'] }, '12h'),
  };
  return {
    system,
    context,
    tokens,
    supervision,
    dispose: async (keepData) => {
      await system.stop();
      const databases = [...Object.values(system.databases), `${id}_analytics_replay`];
      for (const database of databases) {
        const connection = await mongoose.createConnection(mongoUrl, { dbName: database, serverSelectionTimeoutMS: 10_000 }).asPromise();
        await connection.dropDatabase();
        await connection.close();
      }
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
