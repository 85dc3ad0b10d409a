import { statTail, waitFor } from '@ketnoi/testing';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupervisedProcess, type SupervisorEvent } from '../../src/supervisor/supervised-process.js';

const child = join(import.meta.dirname, '../fixtures/child.mjs');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a supervised process (real child processes)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'launcher-supervisor-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const supervise = (name: string, args: string[], more: { maxRestarts?: number; persistentAfter?: number; nice?: number } = {}) => {
    const lines: string[] = [];
    const events: SupervisorEvent[] = [];
    const proc = new SupervisedProcess({
      name,
      command: process.execPath,
      args: [child, ...args],
      cwd: dir,
      env: {},
      logFile: join(dir, `${name}.log`),
      onLine: (line, stream) => lines.push(`${stream}:${line}`),
      onEvent: (event) => events.push(event),
      backoff: { initialMs: 50, maxMs: 200, resetAfterMs: 60_000 },
      stopTimeoutMs: 5_000,
      ...more,
    });
    return { proc, lines, events };
  };

  it('writes both streams to its log file and to onLine, and stops with SIGTERM', async () => {
    const { proc, lines, events } = supervise('steady', []);
    proc.start();
    await waitFor(() => lines.length >= 2, { what: 'two lines' });
    const pid = proc.pid!;
    await proc.stop();
    expect(alive(pid)).toBe(false);
    expect(lines).toContain('stderr:a line on stderr');
    expect(lines).toContain('stdout:goodbye');
    const log = await readFile(join(dir, 'steady.log'), 'utf8');
    expect(log).toContain('"msg":"hello"');
    expect(log).toContain('goodbye');
    expect(events.at(-1)).toMatchObject({ kind: 'exited', code: 0, restartInMs: null });
  });

  it('runs at the nice it was given (every thread, and with autogroups its session\'s scheduler group), also after a restart', async () => {
    const { proc, lines } = supervise('niced', [], { nice: 7 });
    proc.start();
    await waitFor(() => lines.length >= 2, { what: 'two lines' });
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice; statTail starts at field 3.
    const threadsNice = async (pid: number) => {
      const tids = await readdir(`/proc/${pid}/task`);
      return Promise.all(tids.map(async (tid) => Number(statTail(await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8'))[16])));
    };
    const check = async (pid: number) => {
      const threads = await threadsNice(pid);
      expect(threads.length).toBeGreaterThan(1);
      expect(new Set(threads)).toEqual(new Set([7]));
      if (existsSync(`/proc/${pid}/autogroup`)) {
        await waitFor(async () => (await readFile(`/proc/${pid}/autogroup`, 'utf8')).includes('nice 7'), { what: 'the group at nice 7' });
      }
    };
    const first = proc.pid!;
    await check(first);
    proc.kill('SIGKILL');
    await waitFor(() => proc.pid !== undefined && proc.pid !== first && lines.length >= 4, { what: 'a restart, saying hello' });
    await check(proc.pid!);
    await proc.stop();
  });

  it('restarts a process that was killed, with a new pid, and reports it', async () => {
    const { proc, events } = supervise('killed', []);
    proc.start();
    await waitFor(() => proc.pid, { what: 'a pid' });
    const first = proc.pid!;
    proc.kill('SIGKILL');
    await waitFor(() => proc.restarts === 1 && proc.pid !== undefined && proc.pid !== first, { what: 'the restart' });
    expect(events.find((e) => e.kind === 'exited')).toMatchObject({ signal: 'SIGKILL', restartInMs: 50 });
    await proc.stop();
  });

  it('never gives up by default: past persistentAfter quick crashes it keeps restarting at the longest delay, and says so', async () => {
    const { proc, events } = supervise('persistent', ['3', '0'], { persistentAfter: 3 });
    proc.start();
    await waitFor(() => proc.restarts >= 6, { what: 'six restarts', timeoutMs: 40_000 });
    await proc.stop();
    const exits = events.flatMap((e) => (e.kind === 'exited' && e.restartInMs !== null ? [e] : []));
    expect(exits.slice(0, 6).map((e) => e.restartInMs)).toEqual([50, 100, 200, 200, 200, 200]);
    expect(exits.slice(0, 6).map((e) => e.persistent)).toEqual([false, false, true, true, true, true]);
    expect(exits[5]!.crashesInARow).toBe(6);
    expect(proc.gaveUp).toBe(false);
  });

  it('gives up after maxRestarts quick crashes in a row when a bound is set, with growing delays', async () => {
    const { proc, events } = supervise('crashing', ['3', '0'], { maxRestarts: 3 });
    proc.start();
    await waitFor(() => proc.gaveUp, { what: 'the supervisor to give up' });
    const delays = events.filter((e) => e.kind === 'exited').map((e) => (e.kind === 'exited' ? e.restartInMs : undefined));
    expect(delays).toEqual([50, 100, 200, null]);
    expect(proc.restarts).toBe(3);
    await proc.stop();
  });
});
