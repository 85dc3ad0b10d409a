// ./ketnoi run: infrastructure, the six services, demo data, then URLs and
// tokens; Ctrl-C (or SIGTERM) stops the services, then the infrastructure.
import { loadConfig } from '@ketnoi/service-kit';
import { join, resolve } from 'node:path';
import { formatLine } from '../supervisor/log-line.js';
import { levelOf, WARN_LEVEL } from '../supervisor/log-level.js';
import type { SupervisorEvent } from '../supervisor/supervised-process.js';
import { startDocsServer } from '../system/docs-server.js';
import { ensureEmployerSession, type EmployerSession } from '../system/employer-session.js';
import { SERVICE_NAMES, type ServiceName } from '../system/service-specs.js';
import { startSystem, type RunningSystem } from '../system/start-system.js';
import { launcherConfigSchema, parseArgs, USAGE } from './config.js';
import { streamDemoData, type DemoSummary } from './demo.js';
import { infraDown, infraUp } from './infra.js';
import { progressBar } from './progress-bar.js';
import { summary } from './summary.js';

const root = resolve(import.meta.dirname, '../../../..');
const out = process.stdout;
const say = (text: string) => out.write(`${text}\n`);

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  out.write(USAGE);
  process.exit(0);
}
const config = loadConfig(launcherConfigSchema);
const colour = Boolean(out.isTTY) && config.NO_COLOR === undefined;
const width = Math.max(...SERVICE_NAMES.map((s) => s.length));
/** Everything on the console, or only warnings and errors (always so while the demo's progress bar is drawn). */
let consoleLevel = args.quiet ? WARN_LEVEL : 0;

let system: RunningSystem | null = null;
/** Aborted by a signal while the services start: startSystem then stops the ones it started. */
const starting = new AbortController();
let startup: Promise<unknown> = Promise.resolve();
let docs: { close: () => Promise<void> } | null = null;
/** Set once `infra.sh up` has been asked: a signal meanwhile waits for it, then takes down what it started. */
let infraStartup: Promise<{ alreadyUp: boolean }> | null = null;
let stopping: Promise<void> | null = null;

async function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    say('\nstopping KetNoi…');
    starting.abort();
    await startup.catch(() => undefined);
    await docs?.close();
    await system?.stop();
    const infra = await infraStartup?.catch(() => null);
    if (infra && !infra.alreadyUp) await infraDown(root).catch((error: Error) => say(`infrastructure: ${error.message}`));
    else if (infra) say('infrastructure was already up before this start: left running');
  })();
  await stopping;
  say('stopped.');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) {
      say('already stopping; services get SIGKILL after 15 s');
      return;
    }
    void shutdown(0);
  });
}

const onEvent = (event: SupervisorEvent) => {
  if (event.kind === 'started' && event.attempt > 1) say(`launcher: ${event.name} restarted (pid ${event.pid})`);
  if (event.kind === 'exited' && event.restartInMs !== null) {
    const exited = `launcher: ${event.name} exited (code ${event.code}, signal ${event.signal}) after ${Math.round(event.uptimeMs / 1000)} s`;
    say(
      event.persistent
        ? `${exited}; ${event.crashesInARow} quick exits in a row: still restarting it, every ${Math.round(event.restartInMs / 1000)} s until it stays up (see ${join(config.KETNOI_DATA_DIR, 'logs', `${event.name}.log`)})`
        : `${exited}; restarting in ${event.restartInMs} ms`,
    );
  }
  if (event.kind === 'exited' && event.restartInMs === null && !stopping) say(`launcher: ${event.name} keeps crashing; gave up (see ${join(config.KETNOI_DATA_DIR, 'logs', `${event.name}.log`)})`);
};

const onLine = (service: ServiceName, line: string) => {
  if (levelOf(line) >= consoleLevel) say(formatLine(service, line, { colour, width }));
};

try {
  if (args.infra) {
    infraStartup = infraUp(root);
    await infraStartup;
  }
  const base = config.KETNOI_HTTP_PORT_BASE;
  const ports = Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, base + 1 + i])) as Record<ServiceName, number>;
  say(`starting ${SERVICE_NAMES.join(', ')} (logs: ${join(config.KETNOI_DATA_DIR, 'logs')}/)`);
  const started = startSystem({
    root,
    dataDir: config.KETNOI_DATA_DIR,
    kafkaBrokers: config.KAFKA_BROKERS,
    mongoUrl: config.MONGO_URL,
    host: config.KETNOI_HOST,
    ports,
    databasePrefix: config.KETNOI_DB_PREFIX,
    logLevel: config.LOG_LEVEL,
    nice: config.KETNOI_NICE,
    webhookAllowedHosts: [],
    onLine,
    onEvent,
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
    signal: starting.signal,
  });
  startup = started;
  system = await started;
  docs = await startDocsServer({ host: config.KETNOI_HOST, port: base, asyncApiFile: join(root, 'docs/asyncapi.json'), urls: system.urls });
  const employer: EmployerSession = await ensureEmployerSession(system.urls['vacancy-intake'], system.tokens.staff, join(config.KETNOI_DATA_DIR, 'run', 'employer.json'));
  let demo: DemoSummary | null = null;
  if (args.demo) {
    say(`streaming the demo: ${config.KETNOI_DEMO_WORKERS} workers on ingest.workers.v1, ${config.KETNOI_DEMO_VACANCIES} vacancies over vacancy-intake's HTTP API`);
    consoleLevel = WARN_LEVEL;
    // A demo that fails leaves KetNoi running: it is only data.
    demo = await streamDemoData({
      kafkaBrokers: config.KAFKA_BROKERS,
      vacancyIntakeUrl: system.urls['vacancy-intake'],
      staffToken: system.tokens.staff,
      workers: config.KETNOI_DEMO_WORKERS,
      vacancies: config.KETNOI_DEMO_VACANCIES,
      seed: config.KETNOI_DEMO_SEED,
      bar: progressBar(out),
    }).catch((error: Error) => {
      say(`the demo data could not be loaded: ${error.message}`);
      return null;
    });
    consoleLevel = args.quiet ? WARN_LEVEL : 0;
  }
  say(summary({ system, docsUrl: `http://${config.KETNOI_HOST}:${base}`, asyncApiFile: join(root, 'docs/asyncapi.json'), employer, demo, demoWanted: args.demo, dataDir: config.KETNOI_DATA_DIR }));
} catch (error) {
  say(`KetNoi did not start: ${(error as Error).message}`);
  await shutdown(1);
}
