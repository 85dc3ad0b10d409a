import { statTail } from '@ketnoi/testing';
import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
export const CLOCK_TICKS = 100;

/** utime + stime (ticks) from the text of /proc/<pid>/stat; the command may hold spaces and parentheses. */
export function cpuTicksOf(stat: string): number {
  const tail = statTail(stat);
  const utime = Number(tail[11]);
  const stime = Number(tail[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('unreadable /proc stat line');
  return utime + stime;
}

/** The CPU time (ms) each named process has used so far, summed by name (a process gone counts 0). */
export async function cpuMsByName(processes: readonly { name: string; pid: number }[]): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  for (const { name, pid } of processes) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    used.set(name, (used.get(name) ?? 0) + (stat ? (cpuTicksOf(stat) * 1000) / CLOCK_TICKS : 0));
  }
  return used;
}

/** Parent pid (field 4) from the text of /proc/<pid>/stat. */
export function parentPidOf(stat: string): number {
  const ppid = Number(statTail(stat)[1]);
  if (!Number.isInteger(ppid)) throw new Error('unreadable /proc stat line');
  return ppid;
}

/** The children of a process now (PostgreSQL's backends are children of the postmaster). */
export async function childPids(parent: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((entry) => /^\d+$/u.test(entry)).map(Number);
  const children: number[] = [];
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat && parentPidOf(stat) === parent) children.push(pid);
  }
  return children;
}

/** Resident set size in bytes from the text of /proc/<pid>/status (VmRSS, in kB). */
export function rssBytesOf(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/mu.exec(status);
  if (!match) throw new Error('no VmRSS in /proc status');
  return Number(match[1]) * 1024;
}

export interface ProcessUsage {
  name: string;
  /** Mean CPU over the phase, in % of one core. */
  cpuPercent: number;
  /** CPU time used over the phase, seconds. */
  cpuSeconds: number;
  /** Highest RSS sampled, bytes. */
  peakRss: number;
}

interface Track {
  name: string;
  pid: number;
  firstTicks: number;
  lastTicks: number;
  peakRss: number;
  gone: boolean;
}

async function read(pid: number): Promise<{ ticks: number; rss: number } | null> {
  try {
    const [stat, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/status`, 'utf8')]);
    return { ticks: cpuTicksOf(stat), rss: rssBytesOf(status) };
  } catch {
    return null;
  }
}

/**
 * Samples CPU time and RSS of named processes every `intervalMs` from
 * /proc, for one phase; `stop` gives each name's mean CPU (% of a core)
 * and peak RSS over the phase. Processes of one name are added up (CPU, and
 * RSS, which then counts shared memory once per process).
 */
export async function sampleProcesses(processes: readonly { name: string; pid: number }[], intervalMs = 1000) {
  const started = performance.now();
  const tracks: Track[] = [];
  for (const { name, pid } of processes) {
    const first = await read(pid);
    if (first) tracks.push({ name, pid, firstTicks: first.ticks, lastTicks: first.ticks, peakRss: first.rss, gone: false });
  }
  const sample = async () => {
    for (const track of tracks) {
      if (track.gone) continue;
      const now = await read(track.pid);
      if (!now) {
        track.gone = true;
        continue;
      }
      track.lastTicks = now.ticks;
      track.peakRss = Math.max(track.peakRss, now.rss);
    }
  };
  const timer = setInterval(() => void sample(), intervalMs);
  return {
    stop: async (): Promise<ProcessUsage[]> => {
      clearInterval(timer);
      await sample();
      const seconds = (performance.now() - started) / 1000;
      const byName = new Map<string, ProcessUsage>();
      for (const t of tracks) {
        const cpuSeconds = (t.lastTicks - t.firstTicks) / CLOCK_TICKS;
        const sum = byName.get(t.name) ?? { name: t.name, cpuPercent: 0, cpuSeconds: 0, peakRss: 0 };
        sum.cpuSeconds += cpuSeconds;
        sum.cpuPercent = seconds > 0 ? (sum.cpuSeconds / seconds) * 100 : 0;
        sum.peakRss += t.peakRss;
        byName.set(t.name, sum);
      }
      return [...byName.values()];
    },
  };
}

/**
 * CPU milliseconds each process spent per item of a phase (e.g. per worker
 * ingested), largest first, with their sum: what one item costs the machine,
 * and where. Processes named in `exclude` (the bench itself) are left out.
 */
export function cpuPerItem(usage: readonly ProcessUsage[], items: number, exclude: readonly string[] = []): { total: number; byProcess: { name: string; ms: number }[] } {
  if (items <= 0) return { total: Number.NaN, byProcess: [] };
  const byProcess = usage
    .filter((p) => !exclude.includes(p.name))
    .map((p) => ({ name: p.name, ms: (p.cpuSeconds * 1000) / items }))
    .sort((a, b) => b.ms - a.ms);
  return { total: byProcess.reduce((sum, p) => sum + p.ms, 0), byProcess };
}

/** Two phases' usage as one (the ingest and the fan-out's drain after it): CPU seconds added, the higher peak RSS; cpuPercent is left out (its phase is not one). */
export function combinedUsage(first: readonly ProcessUsage[], second: readonly ProcessUsage[]): ProcessUsage[] {
  const byName = new Map<string, ProcessUsage>();
  for (const p of [...first, ...second]) {
    const seen = byName.get(p.name);
    byName.set(p.name, seen ? { name: p.name, cpuPercent: Number.NaN, cpuSeconds: seen.cpuSeconds + p.cpuSeconds, peakRss: Math.max(seen.peakRss, p.peakRss) } : { ...p });
  }
  return [...byName.values()];
}
