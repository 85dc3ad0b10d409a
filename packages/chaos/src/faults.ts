import { SERVICE_NAMES, type RunningSystem, type ServiceName } from '@ketnoi/launcher';
import { call } from './http.js';
import type { InfraControl } from './infra-control.js';
import type { Fault } from './schedule.js';

/** What each service answered on its probes while a dependency was down (null: no answer, e.g. restarting). */
export type ProbeAnswers = Record<ServiceName, { ready: number | null; live: number | null }>;

export interface FaultRecord {
  fault: Fault;
  startedMs: number;
  /** From the fault to the dependency answering again (kafka.sh / ferretdb.sh start). */
  recoveredInMs?: number;
  /** Probes while FerretDB or Kafka was down, a few seconds into the outage. */
  probes?: ProbeAnswers;
  error?: string;
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function probeAll(system: RunningSystem): Promise<ProbeAnswers> {
  const answers = await Promise.all(
    SERVICE_NAMES.map(async (s) => {
      const [ready, live] = await Promise.all([call(`${system.urls[s]}/health/ready`, { timeoutMs: 8_000 }), call(`${system.urls[s]}/health/live`, { timeoutMs: 8_000 })]);
      return [s, { ready: ready?.status ?? null, live: live?.status ?? null }] as const;
    }),
  );
  return Object.fromEntries(answers) as ProbeAnswers;
}

/**
 * Runs one fault to its end: a killed service is left to its supervisor; the
 * broker is killed with SIGKILL and started again after `downMs`; FerretDB is
 * stopped for `downMs`. The dependency is always started again, also when
 * something in between fails.
 */
export async function runFault(fault: Fault, system: RunningSystem, infra: InfraControl, startedMs: number): Promise<FaultRecord> {
  const record: FaultRecord = { fault, startedMs };
  const began = Date.now();
  try {
    switch (fault.kind) {
      case 'kill-service':
        system.processes[fault.service].kill('SIGKILL');
        break;
      case 'kill-kafka':
        await infra.killKafka();
        try {
          await wait(Math.min(4_000, fault.downMs));
          record.probes = await probeAll(system);
          await wait(Math.max(0, fault.downMs - (Date.now() - began)));
        } finally {
          await infra.startKafka();
        }
        record.recoveredInMs = Date.now() - began;
        break;
      case 'stop-ferretdb':
        await infra.stopFerretDb();
        try {
          await wait(Math.min(4_000, fault.downMs));
          record.probes = await probeAll(system);
          await wait(Math.max(0, fault.downMs - (Date.now() - began)));
        } finally {
          await infra.startFerretDb();
        }
        record.recoveredInMs = Date.now() - began;
        break;
    }
  } catch (error) {
    record.error = (error as Error).message;
  }
  return record;
}
