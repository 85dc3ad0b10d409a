import { SERVICE_NAMES, type ServiceName, type SupervisedProcess } from '@ketnoi/launcher';
import { analyse, type CountRow } from './analyse.js';
import type { ChaosConfig } from './config.js';
import { runFault, type FaultRecord } from './faults.js';
import { infraControl } from './infra-control.js';
import { extraInstance, freePorts } from './instances.js';
import { acceptedVacancyIds, emptyLedger, type Ledger } from './ledger.js';
import { Load } from './load.js';
import { activityOf, observe } from './observe.js';
import { replayAnalytics, type ReplayResult } from './replay.js';
import { planFaults, planRebalances, type Rebalance } from './schedule.js';
import { settle } from './settle.js';
import { startChaosSystem, type ChaosSystem } from './start.js';

export interface ChaosResult {
  mode: string;
  seed: number;
  rows: CountRow[];
  faults: FaultRecord[];
  rebalances: (Rebalance & { joinedReady: boolean })[];
  restarts: Record<ServiceName, { restarts: number; gaveUp: boolean; exits: number }>;
  /** Every exit of a service process, from the start of the faults: when, how long it had been up, why. */
  exits: { service: string; atMs: number; uptimeMs: number; cause: string }[];
  faultsStartedMs: number;
  settledInMs: number | null;
  replay: ReplayResult | null;
  ledger: Ledger;
  durationMs: number;
  dataDir: string;
  logTail: string;
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));
const until = async (startedAt: number, atMs: number) => wait(Math.max(0, startedAt + atMs - Date.now()));

/** Spreads `count` calls of `work` evenly over `durationMs`, `inFlight` at most at a time. */
async function spread(count: number, durationMs: number, work: (i: number) => Promise<void>, inFlight = 4): Promise<void> {
  const startedAt = Date.now();
  const running = new Set<Promise<void>>();
  for (let i = 0; i < count; i += 1) {
    await until(startedAt, (i * durationMs) / Math.max(1, count));
    while (running.size >= inFlight) await Promise.race(running);
    const task = work(i).finally(() => running.delete(task));
    running.add(task);
  }
  await Promise.all(running);
}

/** Second instances joining and leaving the groups of registration and notification, on their schedule. */
async function runRebalances(chaos: ChaosSystem, plan: Rebalance[], startedAt: number): Promise<ChaosResult['rebalances']> {
  const done: ChaosResult['rebalances'] = [];
  for (const [i, step] of plan.entries()) {
    await until(startedAt, step.atMs);
    const [port] = await freePorts(1);
    const instance: SupervisedProcess = extraInstance(chaos.context, step.service, port!, `extra-${i}`);
    instance.start();
    let joinedReady = false;
    const leaveAt = Date.now() + step.lifeMs;
    while (Date.now() < leaveAt) {
      const answer = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      if (answer?.ok) joinedReady = true;
      await wait(1_000);
    }
    if (step.leave === 'SIGKILL') instance.kill('SIGKILL');
    await instance.stop();
    done.push({ ...step, joinedReady });
  }
  return done;
}

/**
 * One chaos run: the system under load, faults on a seeded schedule, then the
 * wait for it to settle and the count of every accepted input against its
 * effects, and a replay of analytics from offset 0.
 */
export async function runChaos(config: ChaosConfig, root: string, infra: { kafkaBrokers: readonly string[]; mongoUrl: string }, id: string): Promise<ChaosResult> {
  const began = Date.now();
  const { profile, seed } = config;
  const control = infraControl(root, config.infraEnv);
  const chaos = await startChaosSystem(root, infra.kafkaBrokers, infra.mongoUrl, id);
  const { system, tokens } = chaos;
  const ledger = emptyLedger();
  const load = new Load({
    seed,
    kafkaBrokers: infra.kafkaBrokers,
    ingestTopic: system.topic('ingest.workers.v1'),
    vacancyIntakeUrl: system.urls['vacancy-intake'],
    registrationUrl: system.urls.registration,
    staffToken: tokens.staff,
    ledger,
    retryForMs: 120_000,
  });
  let keepData = true;
  try {
    // Before the faults: the employers, and the workers who will be hired (their ids are needed for the hires).
    await load.registerEmployers(profile.employers);
    const hireable = await Promise.all(Array.from({ length: profile.hires }, (_, i) => load.publishWorker(i)));
    const hireIds: string[] = [];
    for (const worker of hireable) {
      const deadline = Date.now() + 120_000;
      let ids: string[] | null = null;
      while (Date.now() < deadline && !(ids && ids.length > 0)) {
        ids = await load.workerIdOf(worker.profile.citizenId);
        if (!ids || ids.length === 0) await wait(1_000);
      }
      if (!ids || ids.length === 0) throw new Error(`worker ${worker.index} not registered within 120 s, before any fault`);
      hireIds.push(ids[0]!);
    }

    const startedAt = Date.now();
    const faults = planFaults({ seed, durationMs: profile.faultsMs, downSeconds: profile.downSeconds });
    const faultRun = (async () => {
      const records: FaultRecord[] = [];
      for (const fault of faults) {
        await until(startedAt, fault.atMs);
        records.push(await runFault(fault, system, control, Date.now() - startedAt));
      }
      return records;
    })();
    const rebalanceRun = runRebalances(chaos, planRebalances({ seed, durationMs: profile.faultsMs }), startedAt);
    const workers = profile.workers - profile.hires;
    const loadRun = Promise.all([
      spread(workers, profile.faultsMs, async (i) => void (await load.publishWorker(profile.hires + i))),
      spread(profile.vacancies, profile.faultsMs * 0.6, (i) => load.postVacancy(i)),
      (async () => {
        await wait(profile.faultsMs * 0.4);
        // Each hire on the latest accepted vacancy not hired on yet, so that a one-position vacancy is not hired on twice.
        const hiredOn = new Set<string>();
        await spread(hireIds.length, profile.faultsMs * 0.5, async (i) => {
          const vacancyId = [...acceptedVacancyIds(ledger)].reverse().find((id) => !hiredOn.has(id));
          if (vacancyId === undefined) return;
          hiredOn.add(vacancyId);
          await load.hire(vacancyId, hireIds[i]!);
        });
      })(),
    ]);
    const [faultRecords, rebalances] = await Promise.all([faultRun, rebalanceRun, loadRun]);

    const caughtUp = async () => {
      const activity = await activityOf(system.urls.analytics, tokens.analyst);
      return activity !== null && activity.registrations === ledger.workers.size && activity.vacanciesOpened === acceptedVacancyIds(ledger).size && activity.placements === ledger.hires.size;
    };
    const settledInMs = await settle(system, infra.kafkaBrokers, id, caughtUp, { deadline: Date.now() + profile.settleMs, quietMs: 15_000 });
    const observed = await observe(system, chaos.context.dataDir, tokens, ledger, load);
    const rows = analyse(ledger, observed);
    const replay = await replayAnalytics(chaos.context, system.urls.analytics, tokens.analyst, 180_000).catch((error: Error) => ({ compared: [], differences: [`replay failed: ${error.message}`], readyInMs: 0, caughtUpInMs: null }));
    const restarts = Object.fromEntries(
      SERVICE_NAMES.map((s) => [s, { restarts: system.processes[s].restarts, gaveUp: system.processes[s].gaveUp, exits: chaos.supervision.filter((e) => e.kind === 'exited' && e.name === s).length }]),
    ) as ChaosResult['restarts'];
    // Keep the logs and sinks of a run that found something.
    keepData = profile.mode === 'full' || rows.some((r) => r.lost > 0 || r.duplicated > 0) || replay.differences.length > 0;
    const faultsStartedMs = startedAt - began;
    const exits = chaos.supervision.flatMap((e) => (e.kind === 'exited' ? [{ service: e.name, atMs: e.atMs - startedAt, uptimeMs: e.uptimeMs, cause: e.signal ?? `exit ${e.code}` }] : []));
    return { mode: profile.mode, seed, rows, faults: faultRecords, rebalances, restarts, exits, faultsStartedMs, settledInMs, replay, ledger, durationMs: Date.now() - began, dataDir: chaos.context.dataDir, logTail: '' };
  } finally {
    // Whatever happened: the broker and FerretDB are left running.
    await control.startKafka().catch(() => undefined);
    await control.startFerretDb().catch(() => undefined);
    await load.close();
    await chaos.dispose(keepData);
  }
}
