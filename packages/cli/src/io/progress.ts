import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

export interface Progress {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

/**
 * One bar per label on a terminal (on stderr, so stdout stays clean); on a
 * pipe, a line per label at each tenth.
 */
export function createProgress(io: CliIo): Progress {
  if (!io.interactive) {
    const lastTenth = new Map<string, number>();
    return {
      update(label, done, total) {
        const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (lastTenth.get(label) === tenth) return;
        lastTenth.set(label, tenth);
        io.err(`${label}: ${done}/${total}`);
      },
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    { format: ' {label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}', hideCursor: true, clearOnComplete: false, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    update(label, done, total) {
      let bar = bars.get(label);
      if (!bar) bars.set(label, (bar = multi.create(total, done, { label: label.padEnd(10) })));
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => multi.stop(),
  };
}
