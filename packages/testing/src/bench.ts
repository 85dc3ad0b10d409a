import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Admin } from 'kafkajs';
import mongoose from 'mongoose';
import { waitFor } from './wait-for.js';

/**
 * A process's CPU ticks (user + system, 1/100 s each) from /proc/<pid>/stat
 * (`withReaped`: and those of its children it has waited for, as
 * PostgreSQL's postmaster does for its exited backends); 0 when it is gone.
 */
export function pidTicks(pid: string | number, withReaped = false): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
}

/** The parent pid of a process from /proc/<pid>/stat (undefined when it is gone). */
export const parentPid = (pid: string | number): string | undefined => statFields(pid)?.[1];

/** The fields of a /proc/<pid>/stat text after "pid (comm) " (the command may hold spaces and parentheses): state first, then ppid, …, utime at 11, stime at 12. */
export const statTail = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** statTail of a process's /proc/<pid>/stat, or undefined when the process is gone. */
function statFields(pid: string | number): string[] | undefined {
  try {
    return statTail(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** CPU time this process has used so far (user + system), in ms, as Node counts it. */
export function cpuSpentMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Keeps this process's CPU busy until it has used `ms` more of it (however long a shared machine takes to give it). */
export function burnCpu(ms: number): void {
  const until = cpuSpentMs() + ms;
  let spin = 0;
  while (cpuSpentMs() < until) for (let i = 0; i < 10_000; i += 1) spin += Math.sqrt(spin + i);
  if (Number.isNaN(spin)) throw new Error('unreachable');
}

/**
 * The CPU ticks (user + system, 1/100 s each) of the first process of this
 * machine named `comm` (e.g. `ferretdb`), read from /proc when called; 0
 * when there is none. For the per-service benchmarks, which report what the
 * shared database process spent on their work (other work counts too).
 */
export function processTicks(comm: string): { found: boolean; ticks: () => number } {
  const pid = readdirSync('/proc').find((entry) => {
    try {
      return /^\d+$/.test(entry) && readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm;
    } catch {
      return false; // gone meanwhile
    }
  });
  const ticks = () => (pid ? pidTicks(pid) : 0);
  return { found: pid !== undefined, ticks };
}

/** A `matches.v1` event of `matchingFanOut`: its type, key (the vacancy) and data. */
export type FanOutEvent<M> =
  | { type: 'match.proposed' | 'match.updated'; key: string; data: M }
  | { type: 'match.withdrawn'; key: string; data: { matchId: string; vacancyId: string; workerId: string; reason: 'outranked'; at: string } };

export interface FanOut<M> {
  events: FanOutEvent<M>[];
  /** match.proposed events, duplicates included. */
  proposed: number;
  /** Distinct matchIds proposed. */
  distinct: Set<string>;
}

/**
 * The `matches.v1` events matching publishes when each of `vacancies`
 * vacancies proposes its top `perVacancy` of `workers` workers, in its order
 * (a vacancy's proposals together, keyed by the vacancy, seven factors each
 * as `propose` makes them), and then rescores: every tenth proposal updated,
 * every twenty-fifth withdrawn and proposed again (a duplicate by matchId).
 * The same events every time, for the consumers' benchmarks.
 */
export function matchingFanOut<M extends { matchId: string; workerId: string; score: number }>(options: {
  vacancies: number;
  perVacancy: number;
  workers: number;
  vacancyId: (v: number) => string;
  workerId: (w: number) => string;
  propose: (p: { vacancyId: string; workerId: string; score: number; rank: number; at: string; factors: BenchFactor[] }) => M;
}): FanOut<M> {
  const out: FanOut<M> = { events: [], proposed: 0, distinct: new Set() };
  const at = (v: number, step: number) => new Date(Date.UTC(2026, 3, 1) + v * 1000 + step).toISOString();
  for (let v = 0; v < options.vacancies; v += 1) {
    const key = options.vacancyId(v);
    for (let r = 0; r < options.perVacancy; r += 1) {
      const worker = options.workerId((v * 37 + r * 11) % options.workers);
      const factors = FACTORS.map((factor, i) => ({ factor, value: ((r + i) % 10) / 10, weight: 1 / 7, contribution: ((r + i) % 10) / 70 }));
      const data = options.propose({ vacancyId: key, workerId: worker, score: 1 - r / 100, rank: r + 1, at: at(v, 0), factors });
      out.events.push({ type: 'match.proposed', key, data });
      out.proposed += 1;
      out.distinct.add(data.matchId);
      if (r % 10 === 3) out.events.push({ type: 'match.updated', key, data: { ...data, score: data.score - 0.01, at: at(v, 1) } });
      if (r % 25 === 7) {
        out.events.push({ type: 'match.withdrawn', key, data: { matchId: data.matchId, vacancyId: key, workerId: data.workerId, reason: 'outranked', at: at(v, 2) } });
        out.events.push({ type: 'match.proposed', key, data: { ...data, at: at(v, 3) } });
        out.proposed += 1;
      }
    }
  }
  return out;
}

const FACTORS = ['occupation', 'skills', 'qualification', 'location', 'wage', 'experience', 'languages'] as const;
export interface BenchFactor {
  factor: (typeof FACTORS)[number];
  value: number;
  weight: number;
  contribution: number;
}

/** A `--name=value` argument of this process, or `fallback`. */
export const benchArg = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

/**
 * Counts every collection operation of every mongoose connection in this
 * process from now on (`mongoose.set('debug')`): in all (`total`) and by
 * `<collection>.<method>` (`byKind`).
 */
export function countDatabaseOps(): { total: () => number; byKind: Map<string, number> } {
  let total = 0;
  const byKind = new Map<string, number>();
  mongoose.set('debug', (collection: string, method: string) => {
    total += 1;
    byKind.set(`${collection}.${method}`, (byKind.get(`${collection}.${method}`) ?? 0) + 1);
  });
  return { total: () => total, byKind };
}

/**
 * A fresh name for one mode of a per-service benchmark (its topics' suffix
 * and, with `_`, its database) and the settings every service needs for it:
 * name, MongoDB and Kafka (from MONGO_URL / KAFKA_BROKERS, else the local
 * infrastructure) and the dev issuer's keys.
 */
export function benchServiceEnv(serviceName: string, issuer: { issuer: string; audience: string; publicKeyPem: string }): { suffix: string; env: Record<string, string> } {
  const suffix = `bench-${Date.now().toString(36)}`;
  return {
    suffix,
    env: {
      SERVICE_NAME: serviceName,
      MONGO_URL: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
      MONGO_DB_NAME: suffix.replace(/-/g, '_'),
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
    },
  };
}

/** Waits up to 30 minutes, every 50 ms: a benchmark's phases are long. */
export const benchUntil = (what: string, done: () => Promise<boolean> | boolean): Promise<true> => waitFor(done, { what, timeoutMs: 30 * 60_000, intervalMs: 50 }) as Promise<true>;

/** What `measureBacklog` measured of one mode. */
export interface BacklogResult {
  mode: string;
  loadAtStart: string;
  events: number;
  proposals: number;
  seconds: number;
  eventsPerSecond: number;
  cpuMsPerProposal: number;
  cpuShareOfACore: number;
  /** null when FerretDB does not run on this machine. */
  ferretdbCpuMsPerProposal: number | null;
  databaseOpsPerProposal: number;
}

/**
 * The measured phase of a consumer's benchmark over a backlog already on
 * its topic: `ready` starts the service, and the time runs from the first
 * event it applied (`firstApplied`: the group's join is not its work) to
 * the group's offsets committed at the end of the topic. CPU is this
 * process's and FerretDB's (when it runs here: others' work counts too),
 * per proposal, with the database operations (`opsByKind`: printed by
 * collection and operation).
 */
export async function measureBacklog(options: {
  mode: string;
  admin: Admin;
  topic: string;
  groupId: string;
  events: number;
  proposals: number;
  databaseOps: ReturnType<typeof countDatabaseOps>;
  ferretdb: ReturnType<typeof processTicks>;
  ready: () => PromiseLike<unknown>;
  firstApplied: () => boolean;
  opsByKind?: boolean;
}): Promise<BacklogResult> {
  const { admin, topic, groupId, databaseOps, ferretdb, proposals, events } = options;
  const consumed = async () => {
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    return ends.every((end) => end.high === end.low || Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1) >= Number(end.high));
  };
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const opsBefore = databaseOps.total();
  const kindsBefore = new Map(databaseOps.byKind);
  const cpuBefore = process.cpuUsage();
  const ferretBefore = ferretdb.ticks();
  await options.ready();
  await benchUntil('the first event applied', options.firstApplied);
  const started = Date.now();
  await benchUntil('every event consumed', consumed);
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const ferretMs = (ferretdb.ticks() - ferretBefore) * 10;
  if (options.opsByKind) {
    const kinds = [...databaseOps.byKind].map(([kind, n]) => [kind, n - (kindsBefore.get(kind) ?? 0)] as const).filter(([, n]) => n > 0);
    console.log(JSON.stringify({ mode: options.mode, opsPerProposal: Object.fromEntries(kinds.sort((a, b) => b[1] - a[1]).map(([kind, n]) => [kind, Number((n / proposals).toFixed(3))])) }));
  }
  return {
    mode: options.mode,
    loadAtStart: load,
    events,
    proposals,
    seconds,
    eventsPerSecond: Math.round(events / seconds),
    cpuMsPerProposal: Number((cpuMs / proposals).toFixed(3)),
    cpuShareOfACore: Number((cpuMs / (seconds * 1000)).toFixed(2)),
    ferretdbCpuMsPerProposal: ferretdb.found ? Number((ferretMs / proposals).toFixed(3)) : null,
    databaseOpsPerProposal: Number(((databaseOps.total() - opsBefore) / proposals).toFixed(3)),
  };
}
