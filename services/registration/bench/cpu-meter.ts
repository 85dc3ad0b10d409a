// CPU of this process, and of the database processes named by pid (FerretDB's pid
// file; PostgreSQL's postmaster, counted with its children, live and reaped), between
// two readings. The database's own figures count others' work too unless it is an
// instance of the bench's own (README "Benchmark").
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICK_MS = 10;

function ticksOf(pid: string, withReaped = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime, stime (and cutime, cstime: children waited for)
    return Number(fields[11]) + Number(fields[12]) + (withReaped ? Number(fields[13]) + Number(fields[14]) : 0);
  } catch {
    return 0;
  }
}

function treeTicks(root: string): number {
  let total = ticksOf(root, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === root) total += ticksOf(entry);
    } catch {
      // gone meanwhile
    }
  }
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
    ferretdb: ferretdb ? ticksOf(ferretdb) * TICK_MS : 0,
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
