// CPU of this process, and of the database processes named by pid (FerretDB's pid
// file; PostgreSQL's postmaster, counted with its children, live and reaped), between
// two readings. The database's own figures count others' work too unless it is an
// instance of the bench's own (README "Benchmark").
import { readdirSync, readFileSync } from 'node:fs';
import { parentPid, pidTicks } from '@ketnoi/testing';
import { loadavg } from 'node:os';

const TICK_MS = 10;

/** A process's ticks with those of its live children (PostgreSQL's backends) and of those it reaped. */
function treeTicks(root: string): number {
  let total = pidTicks(root, true);
  for (const entry of readdirSync('/proc')) if (/^\d+$/.test(entry) && parentPid(entry) === root) total += pidTicks(entry);
  return total;
}

const pidFrom = (file: string | undefined) => {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').trim().split('\n')[0];
  } catch {
    return undefined;
  }
};

/** `BENCH_FERRETDB_PID_FILE`, `BENCH_POSTGRES_PID_FILE` (postmaster.pid): the processes to count beside this one. */
export function cpuMeter(env: NodeJS.ProcessEnv = process.env) {
  const ferretdb = pidFrom(env.BENCH_FERRETDB_PID_FILE);
  const postgres = pidFrom(env.BENCH_POSTGRES_PID_FILE);
  const read = () => ({
    self: process.cpuUsage(),
    ferretdb: ferretdb ? pidTicks(ferretdb) * TICK_MS : 0,
    postgres: postgres ? treeTicks(postgres) * TICK_MS : 0,
  });
  let start = read();
  return {
    reset: () => {
      start = read();
    },
    /** CPU ms per unit since the last reset, and the load average now. */
    perUnit(units: number) {
      const now = read();
      const self = (now.self.user - start.self.user + now.self.system - start.self.system) / 1000;
      const fmt = (ms: number) => Number((ms / units).toFixed(3));
      return {
        selfMs: fmt(self),
        ...(ferretdb ? { ferretdbMs: fmt(now.ferretdb - start.ferretdb) } : {}),
        ...(postgres ? { postgresMs: fmt(now.postgres - start.postgres) } : {}),
        load: loadavg().map((l) => l.toFixed(2)).join(' '),
      };
    },
  };
}
