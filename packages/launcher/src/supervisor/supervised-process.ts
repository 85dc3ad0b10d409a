import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_BACKOFF, nextAttempt, restartDelay, type BackoffPolicy } from './backoff.js';
import { nicedCommand, setSessionNice } from './cpu-priority.js';

export interface SupervisedProcessOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** Every output line, raw, is appended here. */
  logFile: string;
  /** Every output line, as it should be shown (already prefixed), or nothing. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** The supervisor's own messages: crashes, restarts. */
  onEvent?: (event: SupervisorEvent) => void;
  backoff?: BackoffPolicy;
  /**
   * Give up after this many restarts in a row without a healthy run (see
   * backoff.resetAfterMs). Default: never; past `persistentAfter` quick
   * crashes the delay simply stays at `backoff.maxMs` (a dependency may be
   * down for longer than any bound we would pick).
   */
  maxRestarts?: number;
  /** Quick crashes in a row after which an exit is reported as `persistent` (default 10). */
  persistentAfter?: number;
  /** How long a stop waits after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
  /**
   * CPU priority (Unix nice, -20 to 19; default 0): the process's own and its
   * session's scheduler group's (see cpu-priority.ts). A failure to set the
   * group's is written to the log file; the process runs anyway.
   */
  nice?: number;
}

export type SupervisorEvent =
  | { kind: 'started'; name: string; pid: number; attempt: number }
  | {
      kind: 'exited';
      name: string;
      code: number | null;
      signal: string | null;
      uptimeMs: number;
      restartInMs: number | null;
      /** Quick exits in a row, this one included (0 after a healthy run or when stopped). */
      crashesInARow: number;
      /** True once it has crashed `persistentAfter` times in a row: still restarted, at the longest delay. */
      persistent: boolean;
    };

/**
 * One child process kept alive: its output goes line by line to a log file
 * and to `onLine`; when it dies unasked it is restarted after a doubling,
 * bounded delay; `stop()` sends SIGTERM, then SIGKILL after `stopTimeoutMs`.
 */
export class SupervisedProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private attempt = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly log: WriteStream;
  private exited: Promise<void> = Promise.resolve();
  restarts = 0;
  /** True once it kept crashing past `maxRestarts` (when one is set): not restarted any more. */
  gaveUp = false;

  constructor(private readonly options: SupervisedProcessOptions) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(): void {
    if (this.stopping) return;
    const { cwd, env, name } = this.options;
    const nice = this.options.nice ?? 0;
    const { command, args } = nicedCommand(this.options.command, this.options.args, nice);
    // Its own process group: a terminal's Ctrl-C reaches only the launcher, which stops each child once, in order.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    this.startedAt = Date.now();
    this.attempt = Math.max(this.attempt, 1);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream]!, crlfDelay: Infinity }).on('line', (line) => {
        this.log.write(`${line}\n`);
        this.options.onLine?.(line, stream);
      });
    }
    child.once('error', (error) => this.log.write(`launcher: could not start ${name}: ${error.message}\n`));
    child.once('close', (code, signal) => this.onClose(child, code, signal));
    if (child.pid === undefined) return;
    // Its session (a group of its own, from `detached`) exists once spawn has returned: the child has called setsid and exec'd.
    if (nice !== 0) {
      setSessionNice(child.pid, nice).catch((error: Error) => this.log.write(`launcher: could not set ${name}'s scheduler group to nice ${nice}: ${error.message}\n`));
    }
    this.options.onEvent?.({ kind: 'started', name, pid: child.pid, attempt: this.attempt });
  }

  private onClose(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = null;
    const uptimeMs = Date.now() - this.startedAt;
    const exited = { kind: 'exited', name: this.options.name, code, signal, uptimeMs } as const;
    if (this.stopping) {
      this.options.onEvent?.({ ...exited, restartInMs: null, crashesInARow: 0, persistent: false });
      return;
    }
    this.attempt = nextAttempt(this.attempt, uptimeMs, this.options.backoff ?? DEFAULT_BACKOFF);
    const crashesInARow = this.attempt - 1;
    const giveUp = crashesInARow > (this.options.maxRestarts ?? Number.POSITIVE_INFINITY);
    const delay = giveUp ? null : restartDelay(crashesInARow, this.options.backoff ?? DEFAULT_BACKOFF);
    const persistent = crashesInARow >= (this.options.persistentAfter ?? 10);
    this.options.onEvent?.({ ...exited, restartInMs: delay, crashesInARow, persistent });
    if (delay === null) {
      this.gaveUp = true;
      return;
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarts += 1;
      this.start();
    }, delay);
  }

  /** Sends `signal` to the running child (tests: simulate a crash with SIGKILL). */
  kill(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(() => resolve()));
  }
}
